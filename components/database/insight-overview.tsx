import type { DatabaseInsight } from "@/core/engines/db-insight/types";
import { StatusBadge, type Status } from "@/components/ui/status-badge";
import { Timestamp } from "@/components/ui/timestamp";
import { fmtPct } from "./format";

/** PgHero's rule of thumb: below 99% of reads from memory, the working set no longer fits. */
const GOOD_CACHE_HIT = 0.99;

const hitStatus = (r: number | null): Status => (r === null ? "neutral" : r >= GOOD_CACHE_HIT ? "ok" : "warn");

const KIND_LABEL = { pglite: "embedded PGlite (owned by the clinical service)", postgres: "PostgreSQL (CLINICAL_DATABASE_URL)" };

/** Which database, since when its counters run, and how much of it is read from memory. */
export function InsightOverview({ kind, insight }: { kind: "pglite" | "postgres"; insight: DatabaseInsight }) {
  const { tables, indexes } = insight.cacheHit;
  return (
    <dl className="grid" data-testid="insight-overview">
      <div>
        <dt className="muted">Database</dt>
        <dd data-testid="insight-kind">{KIND_LABEL[kind]}, {insight.database}, version {insight.serverVersion}</dd>
      </div>
      <div>
        <dt className="muted">Counters since</dt>
        <dd><Timestamp at={insight.statsSince} testId="insight-since" /> (read <Timestamp at={insight.collectedAt} />)</dd>
      </div>
      <div>
        <dt className="muted">Buffer cache hit ratio</dt>
        <dd data-testid="cache-hit">
          tables <StatusBadge status={hitStatus(tables)} label={tables === null ? "no reads yet" : fmtPct(tables)} />{" "}
          indexes <StatusBadge status={hitStatus(indexes)} label={indexes === null ? "no reads yet" : fmtPct(indexes)} />
        </dd>
      </div>
    </dl>
  );
}
