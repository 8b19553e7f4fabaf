import type { NextAuthConfig } from "next-auth";
import { env } from "../env";
import { isHttps } from "../http/security-headers";

const TWELVE_HOURS_S = 12 * 60 * 60;

/**
 * The part of the Auth.js config that proxy.ts shares: JWT handling only, no database.
 * The JWT carries just the server-side session id; roles and revocation are read from the
 * session row on every request (lib/services/auth/dal.ts), so a JWT is never trusted on its own.
 */
export const baseAuthConfig = {
  pages: { signIn: "/login" },
  // next-auth defaults to 30 days; the session row enforces the real limits (idle, absolute).
  session: { strategy: "jwt", maxAge: TWELVE_HOURS_S },
  jwt: { maxAge: TWELVE_HOURS_S },
  trustHost: true,
  // Secure (and __Secure- prefixed) session cookies whenever users reach the console over https,
  // also behind a TLS-terminating proxy, where the request the console sees is plain http.
  useSecureCookies: isHttps(env().VIGIL_PUBLIC_URL),
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
}
