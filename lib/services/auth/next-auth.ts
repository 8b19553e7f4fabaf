import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { AppError } from "../../errors";
import { signInWithPassword } from "./sign-in";
import { baseAuthConfig } from "../../auth/base-config";
import { clientIpFrom } from "../../http/client-ip";

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...baseAuthConfig,
  // A refused sign-in is an expected outcome, already in the audit trail: no stack trace.
  // Other errors are logged by name only, as their details may quote submitted credentials.
  logger: {
    error(error) {
      const type = "type" in error ? String(error.type) : error.name;
      if (type !== "CredentialsSignin") console.error(`[auth] ${type}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const s = await signInWithPassword(credentials, clientIpFrom(request.headers));
          return { id: s.userId, email: s.email, name: s.name, sid: s.sessionId };
        } catch (err) {
          if (err instanceof AppError && err.code === "LIMIT_EXCEEDED") throw new ThrottledSignIn();
          if (err instanceof AppError) return null;
          throw err;
        }
      },
    }),
  ],
});
