import { getActor } from "@/lib/services/auth/dal";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { getRun } from "@/lib/services/load-tests/get-run";
import { seriesCsv } from "@/lib/services/load-tests/series-csv";

export const dynamic = "force-dynamic";

/** A run as JSON (live while running), or its 1-second series as CSV (`?format=csv`). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const format = new URL(request.url).searchParams.get("format");
    const run = await getRun(await getActor(), { runId: (await params).id }, { full: format === "json" });
    if (format === "csv") {
      return new Response(seriesCsv(run), {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="run-${run.id}.csv"`, "Cache-Control": "no-store" },
      });
    }
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    if (format === "json") headers["Content-Disposition"] = `attachment; filename="run-${run.id}.json"`;
    return Response.json(run, { headers });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
