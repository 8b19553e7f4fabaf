import { z } from "zod";
import { getActor } from "@/lib/services/auth/dal";
import { authorize } from "@/lib/auth/authorize";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { DASHBOARD_PATH, PROMETHEUS_CONFIG_PATH, RULES_PATH, monitoringFiles } from "@/core/engines/slo/export";

export const dynamic = "force-dynamic";

/** Download names → the generated file (the same text as under deploy/). */
const FILES = {
  "vigil-slo-rules.yml": { path: RULES_PATH, type: "application/yaml" },
  "prometheus.yml": { path: PROMETHEUS_CONFIG_PATH, type: "application/yaml" },
  "vigil-clinical-dashboard.json": { path: DASHBOARD_PATH, type: "application/json" },
} as const;

const fileSchema = z.enum(Object.keys(FILES) as [keyof typeof FILES, ...(keyof typeof FILES)[]]);

/** Prometheus rules, scrape config and Grafana dashboard, generated from the SLOs the console evaluates. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  try {
    await authorize(await getActor(), "console.view", { action: "monitoring.export" });
    const parsed = fileSchema.safeParse((await params).file);
    if (!parsed.success) throw new AppError("NOT_FOUND", `No such export; one of: ${Object.keys(FILES).join(", ")}`);
    const f = FILES[parsed.data];
    return new Response(monitoringFiles()[f.path], {
      headers: { "Content-Type": `${f.type}; charset=utf-8`, "Content-Disposition": `attachment; filename="${parsed.data}"`, "Cache-Control": "private, no-store" },
    });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
