import { afterEach } from 'vitest';
import { openBackend, type Backend, type BackendOptions } from '../../electron/app/backend';
import type { Logger } from '../../electron/app/log';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';
import { useTempDirs } from './temp';

export const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface TestBackend extends Backend {
  /** Calls through the real router (validation included) and unwraps the result, throwing typed errors. */
  call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>>;
}

/** Real backends over real SQLite files in fresh temp folders, closed after each test. */
export function useBackends(): (options?: Partial<BackendOptions>) => Promise<TestBackend> {
  const tempDir = useTempDirs();
  const open: Backend[] = [];
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close();
  });
  return async (options = {}) => {
    const backend = await openBackend({ dataDir: tempDir(), runtime: 'cli', logger: quietLog, ...options });
    open.push(backend);
    return Object.assign(backend, {
      async call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
        const result = await backend.router.dispatch(name, request);
        if (!result.ok) throw Object.assign(new Error(result.error.code), { apiError: result.error });
        return result.value as CallResponse<K>;
      },
    });
  };
}
