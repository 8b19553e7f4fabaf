import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "./lib/auth/base-config";
import { PENDING_SIGN_OUT_COOKIE } from "./lib/auth/pending-sign-out";
import { env } from "./lib/env";
import { isHttps, HSTS_MAX_AGE_S } from "./lib/http/security-headers";
import { contentSecurityPolicy, newNonce } from "./lib/http/content-security-policy";

const { auth } = NextAuth(baseAuthConfig);

/**
 * Next 16's middleware (renamed proxy.ts). It only redirects signed-out visitors to sign-in;
 * it is never the authorization: every page, server action and route handler checks the
 * session row and role itself (lib/services/auth/dal.ts).
 */
/** HSTS on every page answer when the console is served over https (VIGIL_PUBLIC_URL). */
function withTransportSecurity(res: NextResponse): NextResponse {
  if (isHttps(env().VIGIL_PUBLIC_URL)) res.headers.set("Strict-Transport-Security", `max-age=${HSTS_MAX_AGE_S}; includeSubDomains`);
  return res;
}

export default auth((req) => withTransportSecurity(route(req)));

type ProxyRequest = Parameters<Parameters<typeof auth>[0]>[0];

/**
 * Lets the request through with a fresh nonce-based Content-Security-Policy: on the request, where
 * Next reads the nonce for its own scripts, and on the response, where the browser enforces it.
 */
function pass(req: ProxyRequest): NextResponse {
  const csp = contentSecurityPolicy(newNonce(), { https: isHttps(env().VIGIL_PUBLIC_URL), development: env().NODE_ENV === "development" });
  const headers = new Headers(req.headers);
  headers.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

function route(req: ProxyRequest): NextResponse {
  // Sign-in is public: it only gets its policy.
  if (req.nextUrl.pathname === "/login") return pass(req);
  // Signed out offline on this device: finish that (revoke the session) before anything else.
  if (req.cookies.has(PENDING_SIGN_OUT_COOKIE)) {
    if (req.nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: "Signed out on this device." }, { status: 401 });
    return NextResponse.redirect(new URL("/signed-out", req.nextUrl));
  }
  if (req.auth?.sid) return pass(req);
  // A server action call is not a page view: it goes on to the action, which refuses a caller
  // without a session and audits it (ACTION_ACCESS). A redirect here would refuse it unaudited.
  if (req.method === "POST" && req.headers.has("next-action")) return pass(req);
  // API callers get a status, not an HTML sign-in page (the handlers check again themselves).
  if (req.nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const url = new URL("/login", req.nextUrl);
  const back = req.nextUrl.pathname + req.nextUrl.search;
  if (back !== "/") url.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(url);
}

export const config = {
  // Not matched: Auth.js endpoints, health, metrics (own bearer-token check), the static offline
  // and signed-out pages (their policy is next.config.mjs's STATIC_PAGE_CSP), the service worker,
  // the manifest and static assets. Sign-in is matched for its policy only (route() lets it through).
  matcher: ["/((?!offline|signed-out|sw\\.js|api/auth|api/health|api/metrics|_next/static|_next/image|favicon.ico|manifest.webmanifest|icons/).*)"],
};
