import type { Metadata } from "next";

export const metadata: Metadata = { title: "Offline" };

/** Precached by the service worker; shown for pages never opened while online. */
export default function OfflinePage() {
  return (
    <main className="center-card panel" data-testid="offline-page">
      <h1>You are offline</h1>
      <p>This page has not been opened on this device while online, so there is no saved copy to show.</p>
      <p className="muted">
        Pages you viewed before (Overview, Load tests and the other console pages) are still readable from their saved
        copies. Admin pages are never stored on the device.
      </p>
      <p>
        <a href="/">Go to the saved Overview</a>
      </p>
    </main>
  );
}
