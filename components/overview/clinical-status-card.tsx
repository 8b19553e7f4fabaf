import type { ClinicalProbe } from "@/lib/services/health/probe-clinical";
import type { Status } from "@/components/ui/status-badge";
import { StatusCard } from "./status-card";

function describe(probe: ClinicalProbe): { status: Status; lines: string[] } {
  if (!probe.reachable) return { status: "bad", lines: [`Not reachable at ${probe.url}: ${probe.error}`] };
  const body = (probe.body ?? {}) as { database?: { kind?: string }; redis?: { status?: string } };
  return {
    status: probe.httpStatus === 200 ? "ok" : "bad",
    lines: [
      `HTTP ${probe.httpStatus} from ${probe.url} in ${probe.roundTripMs.toFixed(1)} ms (one probe, just now)`,
      `Database: ${body.database?.kind ?? "unknown"}; Redis: ${body.redis?.status ?? "unknown"}`,
    ],
  };
}

export function ClinicalStatusCard({ probe }: { probe: ClinicalProbe }) {
  const { status, lines } = describe(probe);
  return <StatusCard title="Clinical service" testId="clinical-status" status={status} lines={lines} />;
}
