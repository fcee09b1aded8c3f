import type { DesktopBridge } from '../../shared/api/bridge';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/errors';

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in the browser dev host. */
    planledger?: DesktopBridge;
  }
}

/** A call that came back with a typed error; `error.messageKey` is ready for `t()`. */
export class ApiCallError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.code);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

type Transport = (name: CallName, request: unknown) => Promise<ApiResult<unknown>>;

const desktopTransport: Transport = (name, request) =>
  (window.planledger as unknown as Record<CallName, (request: unknown) => Promise<ApiResult<unknown>>>)[name](request);

/** The dev host: same calls over loopback HTTP; the token travels in the cookie set on first load. */
const webTransport: Transport = async (name, request) => {
  const response = await fetch(`/api/${name}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) {
    // 403: the dev host did not accept this page's token; anything else is the host failing.
    const code = response.status === 403 ? 'request.forbidden' : 'internal';
    return { ok: false, error: { code, messageKey: `errors.${code}`, params: {} } };
  }
  return (await response.json()) as ApiResult<unknown>;
};

export const isDesktop = typeof window !== 'undefined' && window.planledger !== undefined;
const transport: Transport = isDesktop ? desktopTransport : webTransport;

export async function call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const result = await transport(name, request);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as CallResponse<K>;
}
