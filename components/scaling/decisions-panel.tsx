import type { ScalerDecision } from "@/lib/services/scaling/scaler-decisions";
import { DataTable } from "@/components/ui/data-table";
import { formatUtc } from "@/components/ui/timestamp";
import { DecisionsChart } from "./charts";

const metricText = (m: ScalerDecision["metrics"]) => Object.entries(m).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${Number(v).toFixed(k === "workers" ? 0 : 1)}`).join(", ");

/** Every scaler decision with the metrics it saw and the rule that fired, as a timeline and a table. */
export function DecisionsPanel({ decisions, status }: { decisions: ScalerDecision[]; status: string }) {
  return (
    <div data-testid="scaler">
      <p data-testid="scaler-status">{status}</p>
      {decisions.length > 0 && <DecisionsChart points={decisions.map((d) => ({ at: d.decidedAt, workers: d.outcome === "failed" ? d.fromWorkers : d.toWorkers, rps: d.metrics.rps ?? null }))} />}
      <DataTable
        testId="decisions-table"
        rows={[...decisions].reverse().slice(0, 30)}
        rowKey={(d) => d.id}
        empty={<p className="muted" data-testid="decisions-empty">No scaler decisions recorded yet.</p>}
        columns={[
          { header: "When", cell: (d) => formatUtc(d.decidedAt) },
          { header: "Mode", cell: (d) => d.mode },
          { header: "Workers", cell: (d) => `${d.fromWorkers} → ${d.toWorkers}`, numeric: true },
          { header: "Rule", cell: (d) => d.rule },
          { header: "Metrics", cell: (d) => metricText(d.metrics) },
          { header: "Outcome", cell: (d) => (d.error ? `${d.outcome}: ${d.error}` : d.outcome) },
        ]}
      />
    </div>
  );
}
