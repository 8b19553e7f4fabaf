import "server-only";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { invalidationFormSchema } from "../../validations/cache-policies";
import { invalidFields } from "../validation-error";
import { withReasonSchema } from "../../validations/reason";
import { clinicalAdmin } from "./clinical-admin";
import { patientPseudonym } from "../../audit/pseudonym";

/** Drops a data class, or one patient's entries, from every cache tier (admin; a reason is required; audited, refusals too). */
export async function invalidateCache(actor: Actor | null, input: Record<string, unknown>): Promise<{ invalidated: unknown }> {
  const user = await authorize(actor, "policy.change", { action: "cache.invalidate" });
  const parsed = invalidationFormSchema.safeParse(input); // strips `reason`: the service gets the target only
  const why = withReasonSchema.safeParse(input);
  if (!parsed.success || !why.success) throw invalidFields(parsed, why)!;
  const what = parsed.data;
  // The trail never holds a patient identifier, only its keyed pseudonym (lib/audit/pseudonym.ts).
  const recorded = { ...what, ...(what.patientId ? { patientId: patientPseudonym(what.patientId) } : {}), reason: why.data.reason };
  const scope = [what.dataClass ?? "all classes", recorded.patientId ? `patient ${recorded.patientId}` : "all patients"].join(", ");
  const audit = (outcome: "success" | "failure", after: unknown) =>
    db().then((p) => p.$transaction((tx) => recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "cache.invalidate", target: scope, sourceIp: user.sourceIp, outcome, after })));
  try {
    const r = await clinicalAdmin<{ invalidated: unknown }>("POST", "/admin/cache/invalidate", what);
    await audit("success", recorded);
    return r;
  } catch (err) {
    await audit("failure", { ...recorded, error: (err as Error).message });
    throw err;
  }
}
