// No vitest here: the crash writer and the benchmarks bundle this file and run outside the test runner.
import type { Router } from '../../electron/api/router';
import type { Logger } from '../../electron/lib/log';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';

/** Tests check outcomes, not log lines. */
export const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Calls through the real router (validation included) and unwraps the result; a failure throws with the typed error as `apiError`. */
export async function callOrThrow<K extends CallName>(router: Router, name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const result = await router.dispatch(name, request);
  if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.code}`), { apiError: result.error });
  return result.value as CallResponse<K>;
}
