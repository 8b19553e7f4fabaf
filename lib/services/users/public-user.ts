import type { User } from "../../generated/prisma/client";

/** A user as shown on screen and in audit snapshots: never the password hash. */
export type PublicUser = Omit<User, "passwordHash">;

export function publicUser(user: User): PublicUser {
  const { passwordHash: _omitted, ...rest } = user;
  return rest;
}
