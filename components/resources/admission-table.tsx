import { CRITICALITY } from "@/core/engines/admission/classes";
import type { LiveAdmission } from "@/lib/services/resources/live-admission";

const n = (v: number | null) => (v === null ? "—" : String(v));

/** Per class: criticality, in flight, the most it may have in flight now, and rejections since the service started. */
export function AdmissionTable({ live }: { live: LiveAdmission }) {
  return (
    <table data-testid="admission-table">
      <thead><tr><th>Class</th><th>Criticality</th><th className="num">In flight</th><th className="num">Limit now</th><th className="num">Shed (concurrency)</th><th className="num">Throttled (rate limit)</th></tr></thead>
      <tbody>
        {live.classes.map((c) => (
          <tr key={c.cls} data-testid={`admission-${c.cls}`}>
            <td>{c.cls}</td>
            <td>{CRITICALITY[c.cls]}</td>
            <td className="num">{n(c.inFlight)}</td>
            <td className="num">{c.cls === "emergency" ? "never limited" : n(c.limit)}</td>
            <td className="num">{c.rejectedConcurrency}</td>
            <td className="num">{c.rejectedRateLimit}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
