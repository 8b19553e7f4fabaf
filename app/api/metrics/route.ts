import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { getActor } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { consoleMetrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

function bearerMatches(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus text. Scrapers use VIGIL_METRICS_TOKEN; signed-in console users may read it too. */
export async function GET(request: Request): Promise<Response> {
  const viaToken = bearerMatches(request.headers.get("authorization"), env().VIGIL_METRICS_TOKEN);
  const actor = viaToken ? null : await getActor();
  const allowed = viaToken || (actor !== null && can(actor.role, "console.view"));
  if (!allowed) {
    return new Response("Unauthorized: send Authorization: Bearer <VIGIL_METRICS_TOKEN> or sign in.\n", {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="vigil-metrics"', "Cache-Control": "no-store" },
    });
  }
  const { registry } = consoleMetrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
