import type { Role } from "./roles";

/** Who is acting, as established by the data-access layer from a live session row. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  sourceIp: string | null;
  /** An ops user's active break-glass grant: `role` is then admin until `endsAt` (checked on every request). */
  breakGlass?: { id: string; endsAt: Date } | null;
  /** An admin reset the password: only changing it (and signing out) is allowed until then. */
  mustChangePassword?: boolean;
}
