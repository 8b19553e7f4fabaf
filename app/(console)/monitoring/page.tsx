import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/dal";
import { webVitalsSummary } from "@/lib/services/monitoring/web-vitals-summary";
import { WebVitalsPanel } from "@/components/monitoring/web-vitals-panel";
import { PLANNED_PAGES } from "@/components/layout/planned-pages";

export const metadata: Metadata = { title: "Monitoring" };

export default async function MonitoringPage() {
  const actor = await requireActor();
  const rows = await webVitalsSummary(actor);
  return (
    <>
      <h1>Monitoring</h1>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Console Core Web Vitals</h2>
        <p className="muted">
          Measured in users&apos; browsers (web-vitals) and recorded by this console process since it started; also exported
          as <code>vigil_console_web_vitals_seconds</code> and <code>vigil_console_web_vitals_cls</code> on /api/metrics.
        </p>
        <WebVitalsPanel rows={rows} />
      </section>
      <section className="panel" data-testid="coming-soon">
        <h2 style={{ marginTop: 0 }}>Service levels <span className="badge warn">Not built yet</span></h2>
        <ul>
          {PLANNED_PAGES.monitoring.items.filter((i) => !i.includes("Web Vitals")).map((i) => <li key={i}>{i}</li>)}
        </ul>
      </section>
    </>
  );
}
