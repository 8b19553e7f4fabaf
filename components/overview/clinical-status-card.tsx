import type { ClinicalProbe } from "@/lib/services/health/probe-clinical";
import { StatusCard } from "./status-card";

function describe(probe: ClinicalProbe): { ok: boolean; lines: string[] } {
  if (!probe.reachable) return { ok: false, lines: [`Not reachable at ${probe.url}: ${probe.error}`] };
  const body = (probe.body ?? {}) as { database?: { kind?: string }; redis?: { status?: string } };
  return {
    ok: probe.httpStatus === 200,
    lines: [
      `HTTP ${probe.httpStatus} from ${probe.url} in ${probe.roundTripMs.toFixed(1)} ms (one probe, just now)`,
      `Database: ${body.database?.kind ?? "unknown"}; Redis: ${body.redis?.status ?? "unknown"}`,
    ],
  };
}

export function ClinicalStatusCard({ probe }: { probe: ClinicalProbe }) {
  const { ok, lines } = describe(probe);
  return <StatusCard title="Clinical service" testId="clinical-status" ok={ok} lines={lines} />;
}
