import type { ResourceCost } from "@/lib/services/resources/resource-cost";
import { formatUtc } from "@/components/ui/timestamp";
import { EmptyState } from "@/components/ui/empty-state";
import { CostChart } from "./cost-chart";

const COUNT = new Intl.NumberFormat("en-US");
const usd = (v: number, digits = 4) => `${v.toFixed(digits)} USD`;

/** Estimated cost per 1,000 requests per class over the chosen range, with the method and the prices it used. */
export function CostPanel({ cost }: { cost: ResourceCost }) {
  const { estimate: e, priceTable: t } = cost;
  const measured = e.classes.filter((c) => c.per1kUsd !== null);
  return (
    <section className="panel" data-testid="resource-cost">
      <h2>Cost per 1,000 requests (estimate)</h2>
      <p className="muted" data-testid="cost-method">
        Estimate, not a bill. Over the last {cost.range}: the clinical process&apos;s CPU seconds ({e.cpuSeconds.toFixed(1)} s) and resident memory ({e.gibHours.toFixed(4)} GiB-hours), from the console&apos;s scrapes, priced at {usd(t.prices.vcpuHour, 3)} per vCPU-hour and {usd(t.prices.gibHour, 4)} per GiB-hour, and split between classes by each class&apos;s share of the request time in every scrape interval. A class that waits on the database is charged more than the CPU it used.
        {" "}Price table {t.version === 0 ? "defaults (nobody has saved one)" : `version ${t.version}, in effect since ${formatUtc(t.savedAt!)}`}.
      </p>
      {e.intervals === 0 ? (
        <EmptyState testId="cost-empty">
          No scrape interval in this range has CPU seconds and request times{e.skipped > 0 ? ` (${e.skipped} interval(s) were stored before the console kept request times)` : ""}: nothing to estimate yet.
        </EmptyState>
      ) : (
        <>
          {measured.length > 0 && <CostChart data={measured.map((c) => ({ label: c.cls, per1k: Number(c.per1kUsd!.toPrecision(4)) }))} />}
          <table data-testid="cost-table">
            <thead>
              <tr><th scope="col">Class</th><th scope="col" className="num">Requests</th><th scope="col" className="num">Share of request time</th><th scope="col" className="num">CPU s attributed</th><th scope="col" className="num">Cost</th><th scope="col" className="num">Per 1,000 requests</th></tr>
            </thead>
            <tbody>
              {e.classes.map((c) => (
                <tr key={c.cls} data-testid={`cost-${c.cls}`}>
                  <td>{c.cls}</td>
                  <td className="num">{COUNT.format(c.requests)}</td>
                  <td className="num">{c.share === null ? "—" : `${(c.share * 100).toFixed(1)} %`}</td>
                  <td className="num">{c.cpuSeconds.toFixed(2)}</td>
                  <td className="num">{usd(c.costUsd, 6)}</td>
                  <td className="num">{c.per1kUsd === null ? "no requests" : usd(c.per1kUsd, 6)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" data-testid="cost-idle">
            Idle (intervals with no request): {e.idleCpuSeconds.toFixed(1)} CPU s, {usd(e.idleCostUsd, 6)}, not charged to any class. {e.intervals} interval(s) measured{e.skipped > 0 ? `, ${e.skipped} skipped (stored before request times were kept)` : ""}.
          </p>
        </>
      )}
    </section>
  );
}
