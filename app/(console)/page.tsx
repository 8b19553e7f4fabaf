import type { Metadata } from "next";
import { requireActor } from "@/lib/services/auth/dal";
import { checkConsoleHealth } from "@/lib/services/health/check-health";
import { probeClinicalService } from "@/lib/services/health/probe-clinical";
import { countRuns } from "@/lib/services/load-tests/count-runs";
import { latestRun } from "@/lib/services/load-tests/latest-run";
import { compareWithBaseline } from "@/lib/services/baselines/compare-with-baseline";
import { StatusCard } from "@/components/overview/status-card";
import { ClinicalStatusCard } from "@/components/overview/clinical-status-card";
import { LatestRunCard } from "@/components/overview/latest-run-card";
import { SloPanel } from "@/components/overview/slo-panel";
import { sloReport } from "@/lib/services/monitoring/slo-report";
import { trafficScope } from "@/lib/validations/monitoring";
import type { RedisStatus } from "@/core/redis/status";
import type { Status } from "@/components/ui/status-badge";
import { Timestamp } from "@/components/ui/timestamp";

export const metadata: Metadata = { title: "Overview" };

const REDIS: Record<RedisStatus, { status: Status; label: string; line: string }> = {
  up: { status: "ok", label: "OK", line: "Redis answered PING just now" },
  down: { status: "bad", label: "Problem", line: "Redis is configured (REDIS_URL) but did not answer PING" },
  "not-configured": { status: "neutral", label: "Not configured", line: "Not configured (REDIS_URL not set): nothing to measure" },
};

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const traffic = trafficScope((await searchParams).traffic);
  const [health, clinical, runs, latest, slo] = await Promise.all([
    checkConsoleHealth(),
    probeClinicalService(),
    countRuns(actor),
    latestRun(actor),
    sloReport(actor, { includeSynthetic: traffic === "all" }),
  ]);
  const comparison = latest ? await compareWithBaseline(actor, { runId: latest.id }) : null;
  const redis = REDIS[health.redis];
  const checkedAt = new Date().toISOString();
  return (
    <>
      <h1>Overview</h1>
      <p className="muted" data-testid="as-of">
        As of <Timestamp at={checkedAt} />
      </p>
      <div className="grid">
        <ClinicalStatusCard probe={clinical} />
        <StatusCard title="Console database" testId="console-db" status={health.database.status === "up" ? "ok" : "bad"}
          lines={[health.database.kind === "pglite" ? "Embedded PGlite (DATABASE_URL not set)" : "PostgreSQL (DATABASE_URL)"]} />
        <StatusCard title="Redis" testId="console-redis" status={redis.status} label={redis.label} lines={[redis.line]} />
        <LatestRunCard count={runs} latest={latest} comparison={comparison} />
      </div>
      <SloPanel report={slo} basePath="/" />
    </>
  );
}
