import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/services/auth/dal";
import { webVitalsSummary } from "@/lib/services/monitoring/web-vitals-summary";
import { trafficHistory } from "@/lib/services/monitoring/traffic-history";
import { MONITORING_RANGES_S, monitoringRange, trafficScope } from "@/lib/validations/monitoring";
import { WebVitalsPanel } from "@/components/monitoring/web-vitals-panel";
import { TrafficPanels } from "@/components/monitoring/traffic-panels";
import { TrafficSwitch } from "@/components/monitoring/traffic-switch";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Monitoring" };

type Search = Record<string, string | string[] | undefined>;

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const q = await searchParams;
  const range = monitoringRange(q.range);
  const traffic = trafficScope(q.traffic);
  const [rows, history] = await Promise.all([webVitalsSummary(actor), trafficHistory(actor, { range, includeSynthetic: traffic === "all" })]);
  // Only a route the history knows is charted; anything else in ?route= is ignored.
  const asked = typeof q.route === "string" ? q.route : null;
  const params = { range, ...(traffic === "all" ? { traffic } : {}) };
  const href = (extra: Record<string, string>) => `/monitoring?${new URLSearchParams({ ...params, ...extra })}`;
  return (
    <>
      <h1>Monitoring</h1>
      <Card title="Clinical service" testId="traffic-panel">
        <p className="muted" data-testid="traffic-source" data-kind={history.source.kind}>{history.source.description}</p>
        <TrafficSwitch includeSynthetic={history.includeSynthetic} basePath="/monitoring" params={{ range, ...(asked ? { route: asked } : {}) }} />
        <p data-testid="range-links">
          Range:{" "}
          {Object.keys(MONITORING_RANGES_S).map((r) => (
            <span key={r}>
              {r === range ? <strong aria-current="true">{r}</strong> : <Link href={href({ range: r })}>{r}</Link>}{" "}
            </span>
          ))}
        </p>
      </Card>
      <TrafficPanels history={history} route={asked} routeHref={(route) => href({ route })} />
      <Card title="Console Core Web Vitals" testId="web-vitals">
        <p className="muted">
          Measured in users&apos; browsers (web-vitals) and recorded by this console process since it started; also exported
          as <code>vigil_console_web_vitals_seconds</code> and <code>vigil_console_web_vitals_cls</code> on /api/metrics.
        </p>
        <WebVitalsPanel rows={rows} />
      </Card>
    </>
  );
}
