import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/** The offline sign-out marker cookie (lib/auth/pending-sign-out.ts): present, and only ever "1". */
export const pendingSignOutSchema = z.object({ marker: z.literal("1") });
