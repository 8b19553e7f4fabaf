import { checkConsoleHealth } from "@/lib/services/health/check-health";

export const dynamic = "force-dynamic";

/**
 * Public by design (load balancers and orchestrators call it unauthenticated), so it reports
 * only up/down states: no versions, hosts, counts or identifiers.
 */
export async function GET(): Promise<Response> {
  const health = await checkConsoleHealth();
  return Response.json(health, {
    status: health.database.status === "up" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
