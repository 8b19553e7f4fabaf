import { requireActor } from "@/lib/auth/dal";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { NavLinks } from "@/components/layout/nav-links";
import { navItemsFor } from "@/components/layout/nav-items";
import { signOutAction } from "./sign-out-action";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">Vigil</div>
        <NavLinks items={navItemsFor(actor.role)} />
        <div className="who" data-testid="current-user">
          <div>{actor.name}</div>
          <div className="muted" style={{ color: "#9fb3c8" }} data-testid="current-role">
            {ROLE_LABEL[actor.role]}
          </div>
          <form action={signOutAction} className="inline-form">
            <button type="submit" className="secondary" style={{ color: "#dbe6f3", borderColor: "#4a6a90", marginTop: ".5rem" }} data-testid="sign-out">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
