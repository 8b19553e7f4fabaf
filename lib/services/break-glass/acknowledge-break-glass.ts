import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { acknowledgeBreakGlassSchema } from "../../validations/break-glass";
import { invalidInput } from "../validation-error";
import { auditBreakGlass, auditBreakGlassRefusal } from "./audit-break-glass";
import { sweepExpiredGrants } from "./expire-grant";

const ACTION = "breakglass.acknowledge";

/** Compliance acknowledges one ended break-glass use, once, with an optional note; audited. */
export async function acknowledgeBreakGlass(actor: Actor | null, input: unknown): Promise<void> {
  const reviewer = await authorize(actor, "breakglass.acknowledge", { action: ACTION });
  const parsed = acknowledgeBreakGlassSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { grantId, note } = parsed.data;
  await sweepExpiredGrants();
  const prisma = await db();
  const refused = await prisma.$transaction(async (tx) => {
    const grant = await tx.breakGlassGrant.findUnique({ where: { id: grantId } });
    if (!grant) return new AppError("NOT_FOUND", "No such break-glass use.");
    if (!grant.endedAt) return new AppError("CONFLICT", "This break-glass is still active; acknowledge it once it has ended.");
    const acknowledgedAt = new Date();
    const updated = await tx.breakGlassGrant.updateMany({
      where: { id: grantId, acknowledgedAt: null },
      data: { acknowledgedAt, acknowledgedById: reviewer.id, ackNote: note ?? null },
    });
    if (updated.count !== 1) return new AppError("CONFLICT", "This break-glass use has already been acknowledged.");
    const user = await tx.user.findUnique({ where: { id: grant.userId }, select: { email: true } });
    await auditBreakGlass(tx, reviewer, ACTION, "success", { breakGlass: grant.id, note: note ?? null, acknowledgedAt, endedBy: grant.endedBy }, user?.email ?? grant.userId);
    return null;
  });
  if (refused) {
    await auditBreakGlassRefusal(reviewer, ACTION, "failure", { breakGlass: grantId, refused: refused.message });
    throw refused;
  }
}
