import type { SimulationReport } from "@/lib/services/scaling/simulation-report";
import { formatUtc } from "@/components/ui/timestamp";
import { CapacityChart } from "./charts";

/** The held-out-week comparison of HPA, KEDA and Vigil: table, goal, demand vs capacity chart. */
export function SimulationPanel({ r }: { r: SimulationReport }) {
  const hpa = r.rows[0]!;
  return (
    <div data-testid="simulation">
      <p>
        <strong>Synthetic hospital week</strong> (diurnal load, rounds 06-09, afternoon peak 14-16, seeded random emergency surges), held out: the forecaster
        ({r.forecaster}) and KEDA&apos;s schedules were fitted on the {r.trainingWeeks} weeks before it. One replica serves {r.params.perReplicaCapacityRps.toFixed(1)} req/s
        within its p95 target and starts in {r.params.startupSeconds.toFixed(1)} s{" "}
        {r.paramsSource.kind === "measured" ? `(measured by npm run bench:scaling, ${formatUtc(r.paramsSource.at)})` : "(defaults, not measured: run npm run bench:scaling)"}; price ${r.params.pricePerReplicaHour.toFixed(3)} per replica-hour{" "}
        <span data-testid="simulation-price-source">({r.prices.version === 0 ? "the price table's default" : `price table version ${r.prices.version}, in effect since ${formatUtc(r.prices.savedAt!)}`}; edited on the Resources page)</span>.
      </p>
      <table data-testid="simulation-table">
        <thead><tr><th scope="col">Policy</th><th scope="col" className="num">Under-provisioned minutes</th><th scope="col" className="num">Replica-hours</th><th scope="col" className="num">Cost (USD)</th><th scope="col" className="num">vs HPA replica-hours</th></tr></thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.policy}>
              <td>{row.policy}</td>
              <td className="num">{row.underProvisionedMinutes}</td>
              <td className="num">{row.replicaHours.toFixed(1)}</td>
              <td className="num">{row.cost.toFixed(2)}</td>
              <td className="num">{((row.replicaHours / hpa.replicaHours) * 100).toFixed(1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="simulation-goal">
        Goal (≥ 50% fewer under-provisioned minutes than HPA at ≤ 105% of its replica-hours): Vigil removed {(r.goal.underReduction * 100).toFixed(0)}% of HPA&apos;s
        under-provisioned minutes at {(r.goal.replicaHoursRatio * 100).toFixed(1)}% of its replica-hours, so the goal is <strong>{r.goal.met ? "met" : "not met"}</strong> on this week.
      </p>
      <CapacityChart points={r.chart} policies={r.policies} />
    </div>
  );
}
