import { getActor } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { routeTemplateOf } from "@/lib/metrics/route-of";
import { recordWebVital } from "@/lib/metrics/web-vitals";
import { webVitalSchema } from "@/lib/validations/web-vitals";
import { readCappedText } from "@/lib/http/read-capped";

export const dynamic = "force-dynamic";

const MAX_BODY = 1024;

/** Beacon endpoint: one Web Vital from a signed-in browser, recorded by route template. */
export async function POST(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor || !can(actor.role, "console.view")) return new Response(null, { status: 401 });
  const body = await readCappedText(request, MAX_BODY);
  if (!body.ok) return new Response("Too large", { status: 413 });
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return new Response("Body must be JSON", { status: 400 });
  }
  const parsed = webVitalSchema.safeParse(json);
  if (!parsed.success) return new Response("Invalid web-vital report", { status: 400 });
  recordWebVital(parsed.data.name, parsed.data.value, routeTemplateOf(parsed.data.path));
  return new Response(null, { status: 204 });
}
