import { requireActor } from "@/lib/services/auth/dal";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { NavLinks } from "@/components/layout/nav-links";
import { navItemsFor } from "@/components/layout/nav-items";
import { signOutAction } from "./sign-out-action";
import { OfflineBanner } from "@/components/pwa/offline-banner";
import { SignOutButton } from "@/components/pwa/sign-out-button";
import { KeepPageOffline } from "@/components/pwa/keep-page-offline";
import { WebVitalsReporter } from "@/components/monitoring/web-vitals-reporter";
import { BreakGlassBanner } from "@/components/break-glass/break-glass-banner";
import { endBreakGlassAction } from "./break-glass/actions";
import { formatUtc } from "@/components/ui/timestamp";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  // Saved copies read offline say when they were made.
  const renderedAt = new Date().toISOString();
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">Vigil</div>
        <NavLinks items={navItemsFor(actor.role)} />
        <div className="who" data-testid="current-user">
          <div>{actor.name}</div>
          <div className="muted role-label" data-testid="current-role">
            {ROLE_LABEL[actor.role]}
          </div>
          <form action={signOutAction} className="inline-form">
            <SignOutButton />
          </form>
        </div>
      </aside>
      <main className="content">
        <BreakGlassBanner breakGlass={actor.breakGlass} endAction={endBreakGlassAction} />
        <OfflineBanner renderedAt={renderedAt} />
        {children}
        <footer className="muted rendered-at" data-testid="rendered-at">
          Page as of <time dateTime={renderedAt}>{formatUtc(renderedAt)}</time>
        </footer>
      </main>
      <WebVitalsReporter />
      <KeepPageOffline />
    </div>
  );
}
