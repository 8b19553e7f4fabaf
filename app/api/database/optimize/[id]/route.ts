import { getActor } from "@/lib/services/auth/dal";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { getOptimize } from "@/lib/services/database/optimize/get-optimize";

export const dynamic = "force-dynamic";

/** One Optimize flow with its steps, polled by the Database page while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const session = await getOptimize(await getActor(), { sessionId: (await params).id });
    if (!session) return Response.json({ error: "No such Optimize flow.", code: "NOT_FOUND" }, { status: 404 });
    return Response.json(session, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
