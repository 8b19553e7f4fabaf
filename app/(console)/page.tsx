import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/dal";
import { checkConsoleHealth } from "@/lib/services/health/check-health";
import { probeClinicalService } from "@/lib/services/health/probe-clinical";
import { countRuns } from "@/lib/services/load-tests/count-runs";
import { StatusCard } from "@/components/overview/status-card";
import { ClinicalStatusCard } from "@/components/overview/clinical-status-card";
import { SloPanel } from "@/components/overview/slo-panel";
import { sloReport } from "@/lib/services/monitoring/slo-report";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requireActor();
  const [health, clinical, runs, slo] = await Promise.all([
    checkConsoleHealth(),
    probeClinicalService(),
    countRuns(actor),
    sloReport(actor),
  ]);
  const checkedAt = new Date().toISOString();
  return (
    <>
      <h1>Overview</h1>
      <p className="muted" data-testid="as-of">
        As of <time dateTime={checkedAt}>{checkedAt.replace("T", " ").slice(0, 19)} UTC</time>
      </p>
      <div className="grid">
        <ClinicalStatusCard probe={clinical} />
        <StatusCard title="Console database" testId="console-db" ok={health.database.status === "up"}
          lines={[health.database.kind === "pglite" ? "Embedded PGlite (DATABASE_URL not set)" : "PostgreSQL (DATABASE_URL)"]} />
        <StatusCard title="Redis" testId="console-redis" ok={health.redis !== "down"}
          lines={[health.redis === "not-configured" ? "Not configured (REDIS_URL not set)" : `Redis is ${health.redis}`]} />
        <StatusCard title="Load-test runs" testId="run-count"
          lines={[runs === 0 ? "No runs recorded yet" : `${runs} runs recorded`]} />
      </div>
      <SloPanel report={slo} />
    </>
  );
}
