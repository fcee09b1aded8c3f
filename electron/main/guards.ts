/** The app is served from its own privileged scheme, never from file:// or the network. */
export const appScheme = 'app';
export const appHost = 'planledger';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost;
}

/**
 * Every request the renderer makes passes through here: only the app's own files, inline
 * data and blobs, and the developer tools. Nothing leaves the machine.
 */
export function isAllowedRequest(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  return isAppUrl(url);
}

/** IPC is answered only for the top frame of a page the app itself served. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return frame != null && frame.parent === null && isAppUrl(frame.url);
}
