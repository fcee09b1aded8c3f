/** The shape of a message module with every leaf widened to string: en must match zh-CN key for key. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
