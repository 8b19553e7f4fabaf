import { z } from "zod";
import { getActor } from "@/lib/services/auth/dal";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { kubernetesExport } from "@/lib/services/scaling/kubernetes-export";

export const dynamic = "force-dynamic";

const fileSchema = z.string().regex(/^[a-z-]+\.yaml$/);

/** Kubernetes manifests generated from the saved scaling policy (the service authorizes the caller). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  try {
    const parsed = fileSchema.safeParse((await params).file);
    const f = await kubernetesExport(await getActor(), parsed.success ? parsed.data : "");
    return new Response(f.text, {
      headers: { "Content-Type": "application/yaml; charset=utf-8", "Content-Disposition": `attachment; filename="${f.name}"`, "Cache-Control": "private, no-store", "X-Vigil-Policy-Version": String(f.policyVersion) },
    });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}
