import { z } from "zod";
import { ROLES } from "../auth/roles";
import { MIN_PASSWORD_LENGTH } from "../auth/password-policy";
import { reasonSchema } from "./reason";

export { MIN_PASSWORD_LENGTH };

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  name: z.string().trim().min(1, "Enter a name").max(120),
  role: z.enum(ROLES, "Choose a role"),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
  reason: reasonSchema,
});

export const changeRoleSchema = z.object({
  userId: z.uuid(),
  role: z.enum(ROLES, "Choose a role"),
  reason: reasonSchema,
});

export const setDisabledSchema = z.object({
  userId: z.uuid(),
  disabled: z.stringbool().or(z.boolean()),
  reason: reasonSchema,
});
