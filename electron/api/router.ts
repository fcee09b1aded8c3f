import type { z } from 'zod';
import { contract, isCallName, type CallName } from '../../shared/api/contract';
import { AppError, failure, type ApiResult } from '../../shared/api/errors';
import { errorDetails, type Logger } from '../lib/log';
import type { Handler, Handlers } from '../services/handler';

export interface Router {
  /** Validates the call name and request, runs the handler, validates the answer. Never throws. */
  dispatch(name: unknown, request: unknown): Promise<ApiResult<unknown>>;
}

export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async dispatch(name, request) {
      if (!isCallName(name)) {
        return failure(new AppError('request.unknown_call', { name: String(name).slice(0, 80) }));
      }
      const spec = contract[name];
      const parsed = spec.request.safeParse(request);
      if (!parsed.success) {
        return failure(new AppError('request.invalid', { detail: describeIssues(parsed.error) }));
      }
      try {
        const handler = handlers[name] as Handler<CallName>;
        const value = await handler(parsed.data as never);
        const checked = spec.response.safeParse(value);
        if (!checked.success) {
          log.error('response does not match the contract', { call: name, detail: describeIssues(checked.error) });
          return failure(new AppError('internal'));
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof AppError) return failure(error);
        log.error('call failed', { call: name, ...errorDetails(error) });
        return failure(new AppError('internal'));
      }
    },
  };
}

/** A short, payload-free description of what was wrong: field paths and issue codes only. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.code}`)
    .join('; ');
}
