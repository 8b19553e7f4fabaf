"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/services/auth/next-auth";
import { signInSchema } from "@/lib/validations/auth";

export interface SignInState {
  error?: string;
  email?: string;
}

/** Only same-site paths: an open redirect after sign-in is a phishing aid. */
function safeCallback(value: FormDataEntryValue | null): string {
  const v = typeof value === "string" ? value : "";
  return v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/";
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: "Enter your email address and password.", email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(form.get("callbackUrl")) });
    return {};
  } catch (err) {
    if (err instanceof AuthError) {
      const throttled = "code" in err && err.code === "throttled";
      return {
        email,
        error: throttled
          ? "Too many sign-in attempts from this address. Wait a moment and try again; repeated failures make the wait longer (up to 15 minutes)."
          : "Email or password is incorrect, or the account is disabled.",
      };
    }
    throw err; // includes Next's redirect on success
  }
}
