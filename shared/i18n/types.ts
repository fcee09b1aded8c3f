/**
 * The shape of a message module with every leaf widened to string: en must match zh-CN key
 * for key. Chinese has no singular form, so en alone may add a `<key>_one` sibling to any
 * string key ("1 task" beside "{{count}} tasks"); i18next picks it when count is 1.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> } & {
  [K in keyof T as T[K] extends string ? `${K & string}_one` : never]?: string;
};
