import type { CallName, CallResponse, ParsedRequest } from '../../shared/api/contract';

export type Handler<K extends CallName> = (request: ParsedRequest<K>) => CallResponse<K> | Promise<CallResponse<K>>;

/** One handler per call in the contract; a missing or extra handler is a type error. */
export type Handlers = { [K in CallName]: Handler<K> };

/** The handlers one domain contributes. */
export type HandlerGroup<K extends CallName> = { [P in K]: Handler<P> };
