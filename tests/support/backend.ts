import { afterEach, expect } from 'vitest';
import { openBackend, type Backend, type BackendOptions } from '../../electron/backend/backend';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';
import { callOrThrow, quietLog } from './call';
import { useTempDirs } from './temp';

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
      call: <K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> => callOrThrow(backend.router, name, request),
    });
  };
}

/** A backend whose coordinator has chosen `department`, so department-scoped calls work. */
export async function openAsDepartment(
  open: (options?: Partial<BackendOptions>) => Promise<TestBackend>,
  department = '经济和信息化',
  options: Partial<BackendOptions> = {},
): Promise<TestBackend> {
  const backend = await open(options);
  await backend.call('settings.update', { department, operator: '张三' });
  return backend;
}

/** Expects the call to fail with the typed API error `code`. */
export async function expectApiError(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ apiError: { code } });
}

/** A preview answer's body as text: made in memory, or streamed from an extracted file (read to its end here). */
export async function previewText(response: { body: string | NodeJS.ReadableStream } | null): Promise<string> {
  if (!response) return '';
  if (typeof response.body === 'string') return response.body;
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
