/**
 * The console's Content-Security-Policy, sent by proxy.ts with a fresh nonce on every page
 * request (Next 16 reads the nonce from the request's CSP header and puts it on its own scripts).
 * Directive by directive, with why:
 * - script-src: only scripts carrying this response's nonce, and what they load ('strict-dynamic':
 *   Next's chunks are created by its nonce'd bootstrap). No 'unsafe-inline': an injected
 *   `<script>` or `onerror=` does not run. Development adds 'unsafe-eval' for React's tooling.
 * - style-src 'unsafe-inline': React style attributes and recharts' inline SVG styles need it;
 *   styles cannot run code, and every stylesheet still comes from this origin.
 * - connect-src 'self': the console only talks to itself (server actions, /api/*); the clinical
 *   service is reached by the server, never by the browser.
 * - frame-ancestors 'none', form-action 'self', base-uri 'self', object-src 'none': no framing
 *   (clickjacking), no form posting elsewhere, no <base> hijack, no plugins.
 * - upgrade-insecure-requests only when the console is served over https (VIGIL_PUBLIC_URL).
 */
export function contentSecurityPolicy(nonce: string, opts: { https: boolean; development: boolean }): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("a CSP nonce must be at least 16 base64 characters");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and never reused. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The two prerendered public pages (/offline, /signed-out) are static HTML built once, so they
 * cannot carry a per-request nonce: their scripts are allowed inline ('unsafe-inline', which the
 * nonce'd policy never has). They show no data and take no input. next.config.mjs sends it;
 * lib/http/content-security-policy.test.ts keeps the two equal.
 */
export const STATIC_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
