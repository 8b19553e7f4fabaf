import { getActor } from "@/lib/services/auth/dal";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { downloadAuditExport } from "@/lib/services/audit/download-audit-export";

export const dynamic = "force-dynamic";

/**
 * `GET /api/audit/export?from=<iso>&to=<iso>&through=<seq>&format=ndjson|csv|manifest`: one file
 * of the period's audit export (the same bytes as `npm run audit:export`). The service
 * authorizes (compliance, admin), validates and audits the download.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const file = await downloadAuditExport(await getActor(), query);
    return new Response(file.body, {
      headers: { "Content-Type": `${file.type}; charset=utf-8`, "Content-Disposition": `attachment; filename="${file.name}"`, "Cache-Control": "private, no-store" },
    });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code, fields: err.fields }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
