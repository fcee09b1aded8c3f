import type { Page } from 'playwright-core';
import type { CallName, CallRequest, CallResponse } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';

/**
 * Calls the app's API from inside the page, the way the renderer does: the preload bridge
 * in Electron, the dev host's /api over the session cookie in a browser. Throws on errors.
 */
export async function callApi<K extends CallName>(page: Page, name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const result = await page.evaluate(
    async ([callName, body]) => {
      const bridge = (window as unknown as { planledger?: Record<string, (request: unknown) => Promise<unknown>> }).planledger;
      if (bridge) return bridge[callName]!(body);
      const response = await fetch(`/api/${callName}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.json();
    },
    [name, request] as const,
  );
  const typed = result as ApiResult<CallResponse<K>>;
  if (!typed.ok) throw new Error(`${name}: ${typed.error.code} ${JSON.stringify(typed.error.params)}`);
  return typed.value;
}

/** Many calls of one kind in one round trip to the page, in order; answers in the same order. */
export async function callApiBatch<K extends CallName>(page: Page, name: K, requests: CallRequest<K>[]): Promise<CallResponse<K>[]> {
  const results = await page.evaluate(
    async ([callName, bodies]) => {
      const bridge = (window as unknown as { planledger?: Record<string, (request: unknown) => Promise<unknown>> }).planledger;
      const out: unknown[] = [];
      for (const body of bodies) {
        if (bridge) out.push(await bridge[callName]!(body));
        else {
          const response = await fetch(`/api/${callName}`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          out.push(await response.json());
        }
      }
      return out;
    },
    [name, requests] as const,
  );
  return (results as ApiResult<CallResponse<K>>[]).map((result) => {
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${JSON.stringify(result.error.params)}`);
    return result.value;
  });
}
