import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password-policy";
import { reasonSchema } from "./reason";

/** An admin resets another user's password: the console generates the temporary one. */
export const resetPasswordSchema = z.object({
  userId: z.uuid(),
  reason: reasonSchema,
});

/** A user changes their own password: the current one, and the new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string("Enter your current password").min(1, "Enter your current password").max(1024),
    newPassword: z.string("Enter a new password").min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
    confirmPassword: z.string("Repeat the new password").max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
