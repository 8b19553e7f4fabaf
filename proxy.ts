import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "./lib/auth/base-config";
import { PENDING_SIGN_OUT_COOKIE } from "./lib/auth/pending-sign-out";

const { auth } = NextAuth(baseAuthConfig);

/**
 * Next 16's middleware (renamed proxy.ts). It only redirects signed-out visitors to sign-in;
 * it is never the authorization: every page, server action and route handler checks the
 * session row and role itself (lib/services/auth/dal.ts).
 */
export default auth((req) => {
  // Signed out offline on this device: finish that (revoke the session) before anything else.
  if (req.cookies.has(PENDING_SIGN_OUT_COOKIE)) {
    if (req.nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: "Signed out on this device." }, { status: 401 });
    return NextResponse.redirect(new URL("/signed-out", req.nextUrl));
  }
  if (req.auth?.sid) return NextResponse.next();
  // API callers get a status, not an HTML sign-in page (the handlers check again themselves).
  if (req.nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const url = new URL("/login", req.nextUrl);
  const back = req.nextUrl.pathname + req.nextUrl.search;
  if (back !== "/") url.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(url);
});

export const config = {
  // Public: sign-in, Auth.js endpoints, health, metrics (own bearer-token check), the offline
  // and signed-out pages, the service worker, the manifest and static assets.
  matcher: ["/((?!login|offline|signed-out|sw\\.js|api/auth|api/health|api/metrics|_next/static|_next/image|favicon.ico|manifest.webmanifest|icons/).*)"],
};
