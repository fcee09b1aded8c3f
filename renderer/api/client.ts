import type { DesktopBridge } from '../../shared/api/bridge';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';
import { ApiCallError, type ApiResult } from '../../shared/api/errors';

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in the browser dev host. */
    planledger?: DesktopBridge;
  }
}

type Transport = (name: CallName, request: unknown) => Promise<ApiResult<unknown>>;

const desktopTransport: Transport = (name, request) =>
  (window.planledger as unknown as Record<CallName, (request: unknown) => Promise<ApiResult<unknown>>>)[name](request);

/**
 * Set while the page is going away (reload, close): the last saves (see useDraft's
 * flushAllDrafts) then go out as keepalive requests, which the browser finishes sending
 * after the page is gone. Capture listeners on window run before the drafts' own ones.
 */
let leaving = false;
/** Browsers allow 64 KiB of keepalive bodies in flight; larger ones go out normally. */
const maxKeepaliveBytes = 60 * 1024;
if (typeof window !== 'undefined') {
  const leave = () => {
    leaving = true;
  };
  window.addEventListener('beforeunload', leave, { capture: true });
  window.addEventListener('pagehide', leave, { capture: true });
  window.addEventListener('pageshow', () => {
    leaving = false;
  });
}

/** The dev host: same calls over loopback HTTP; the token travels in the cookie set on first load. */
const webTransport: Transport = async (name, request) => {
  const body = JSON.stringify(request);
  const response = await fetch(`/api/${name}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body,
    keepalive: leaving && new TextEncoder().encode(body).length <= maxKeepaliveBytes,
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
