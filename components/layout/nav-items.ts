import { can, type Role } from "@/lib/auth/roles";
import type { NavItem } from "./nav-links";

const CONSOLE_ITEMS: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/load-tests", label: "Load tests" },
  { href: "/database", label: "Database" },
  { href: "/caching", label: "Caching" },
  { href: "/scaling", label: "Scaling" },
  { href: "/resources", label: "Resources" },
  { href: "/monitoring", label: "Monitoring" },
];

/** Admin links appear only for roles that may open them (the pages check again). */
export function navItemsFor(role: Role): NavItem[] {
  const admin: NavItem[] = [];
  // Ops only; while it is active the banner (not the nav) offers "End now".
  if (can(role, "breakglass.start")) admin.push({ href: "/break-glass", label: "Break glass", section: "Emergency" });
  if (can(role, "user.view")) admin.push({ href: "/admin/users", label: "Users", section: "Admin" });
  if (can(role, "audit.view")) admin.push({ href: "/admin/audit", label: "Audit", section: "Admin" });
  if (can(role, "breakglass.review")) admin.push({ href: "/admin/break-glass", label: "Break-glass review", section: "Admin" });
  if (can(role, "compliance.report")) admin.push({ href: "/reports", label: "Period report", section: "Admin" });
  return [...CONSOLE_ITEMS, ...admin];
}
