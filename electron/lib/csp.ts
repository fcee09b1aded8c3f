/**
 * The one Content-Security-Policy for the app, sent by the Electron protocol handler and by
 * the dev host: nothing but the app's own scripts, styles, fonts and images, no inline
 * script, no eval, no plugins, no frames, no forms posting anywhere.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // Only the app's own preview documents (below) may be framed.
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response the app serves, in Electron and in the dev host. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * For the documents shown in the preview frame (a report.html exactly as exported, files of
 * a verified package): their own inline styles and images, nothing else; a sandbox with no
 * scripts; framed by the app only.
 */
export const previewContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

export const previewHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  'Content-Security-Policy': previewContentSecurityPolicy,
  'Cross-Origin-Opener-Policy': 'unsafe-none',
};
