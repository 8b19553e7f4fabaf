import { getActor } from "@/lib/services/auth/dal";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { downloadPeriodReport } from "@/lib/services/reports/download-period-report";
import { renderReportPdf } from "@/lib/services/reports/render-report-pdf";
import { env } from "@/lib/env";

/**
 * The console's own listener, never the request's Host header: the session cookie is forwarded
 * to this address only, and a forged Host cannot point the renderer anywhere else.
 */
function selfOrigin(): string {
  const { HOSTNAME, PORT } = env();
  const host = HOSTNAME === "0.0.0.0" ? "127.0.0.1" : HOSTNAME === "::" ? "[::1]" : HOSTNAME.includes(":") ? `[${HOSTNAME}]` : HOSTNAME;
  return `http://${host}:${PORT}`;
}

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * `GET /api/reports/period/csv|pdf|manifest?from=&to=&through=&asOf=`: one file of a pinned
 * period report, with its SHA-256 in `X-Content-SHA256`; the manifest lists both files' hashes.
 * The service authorizes (compliance, admin), validates and audits; the PDF is the printable
 * page rendered by Chromium with this request's session.
 */
export async function GET(request: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  try {
    const url = new URL(request.url);
    const query = { ...Object.fromEntries(url.searchParams), file: (await ctx.params).file };
    const cookie = request.headers.get("cookie") ?? "";
    const out = await downloadPeriodReport(await getActor(), query, (report) => {
      const print = new URL("/reports/print", selfOrigin());
      for (const [k, v] of Object.entries({ from: report.period.from, to: report.period.to, through: report.through, asOf: report.asOf })) print.searchParams.set(k, v);
      return renderReportPdf(print.toString(), cookie, new Date(report.asOf));
    });
    return new Response(new Uint8Array(out.body), {
      headers: {
        "Content-Type": out.type, "Content-Disposition": `attachment; filename="${out.name}"`, "Content-Length": String(out.body.length),
        "X-Content-SHA256": out.sha256, "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code, fields: err.fields }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
