import type { InsightResult } from "@/lib/services/database/get-insight";
import { Card } from "@/components/ui/card";
import { Timestamp } from "@/components/ui/timestamp";
import { InsightOverview } from "./insight-overview";
import { TopQueries } from "./top-queries";
import { StatementsUnavailable } from "./statements-unavailable";
import { TableStats } from "./table-stats";
import { IndexStats } from "./index-stats";

/** The insight half of the Database page: every figure read from the database's statistics views. */
export function InsightSections({ result }: { result: InsightResult }) {
  if (!result.ok) {
    return (
      <Card title="Insight" testId="insight-unavailable">
        <p className="notice">{result.reason}</p>
      </Card>
    );
  }
  const { kind, insight } = result;
  const s = insight.statements;
  return (
    <>
      <Card title="Clinical database" testId="insight">
        <InsightOverview kind={kind} insight={insight} />
      </Card>
      <Card title="Top queries by total time" testId="top-queries-card">
        {s.available ? (
          <>
            <p className="muted">
              From pg_stat_statements since <Timestamp at={s.since} />; names come from the clinical service's named queries (those it has run since it started).
            </p>
            <TopQueries top={s.top} />
          </>
        ) : (
          <StatementsUnavailable reason={s.reason} enable={s.enable} />
        )}
      </Card>
      <Card title="Tables" testId="tables-card">
        <TableStats tables={insight.tables} />
      </Card>
      <Card title="Indexes" testId="indexes-card">
        <p className="muted">Unused: not scanned since the counters started (constraint indexes excepted). Covered: another index starts with the same columns.</p>
        <IndexStats indexes={insight.indexes} />
      </Card>
    </>
  );
}
