import type { CallName, CallResponse, ParsedRequest } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';

export type Handler<K extends CallName> = (request: ParsedRequest<K>) => CallResponse<K> | Promise<CallResponse<K>>;

/** One handler per call in the contract; a missing or extra handler is a type error. */
export type Handlers = { [K in CallName]: Handler<K> };

/** The handlers one domain contributes. */
export type HandlerGroup<K extends CallName> = { [P in K]: Handler<P> };

/** Handlers for calls this host cannot serve (no window, no native dialogs…): each answers `unsupported`, naming the call. */
export function unsupportedCalls<K extends CallName>(...names: K[]): HandlerGroup<K> {
  const refuse = (what: K) => () => {
    throw new AppError('unsupported', { what });
  };
  return Object.fromEntries(names.map((name) => [name, refuse(name)])) as unknown as HandlerGroup<K>;
}
