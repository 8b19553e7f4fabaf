import { getActor } from "@/lib/services/auth/dal";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { appliedIndexesMigration } from "@/lib/services/database/applied-indexes";

export const dynamic = "force-dynamic";

/** The applied indexes as a migration file (`CREATE INDEX CONCURRENTLY IF NOT EXISTS …`); authorizes itself. */
export async function GET(): Promise<Response> {
  try {
    const { filename, sql } = await appliedIndexesMigration(await getActor());
    return new Response(sql, {
      headers: { "Content-Type": "application/sql; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
    });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
