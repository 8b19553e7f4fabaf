export const ROLES = ["ops", "admin", "compliance"] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do; every check in the data-access layer reads this table. */
export const PERMISSIONS = {
  "console.view": ["ops", "admin", "compliance"],
  "loadtest.run": ["ops", "admin"],
  "baseline.promote": ["admin"],
  "policy.change": ["admin"],
  "index.advise": ["ops", "admin"],
  "index.change": ["admin"],
  "user.view": ["admin"],
  "user.manage": ["admin"],
  "audit.view": ["admin", "compliance"],
  "compliance.report": ["admin", "compliance"],
  // Break-glass: only ops may take admin's rights for a while (admin has them; compliance must not).
  "breakglass.start": ["ops"],
  "breakglass.review": ["admin", "compliance"],
  "breakglass.acknowledge": ["compliance"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABEL: Record<Role, string> = {
  ops: "Clinical operations",
  admin: "Administrator",
  compliance: "Compliance (read-only)",
};
