import "server-only";
import { db } from "../../../db/prisma";
import { AppError } from "../../../errors";
import { authorize } from "../../../auth/authorize";
import type { Actor } from "../../../auth/actor";
import { recordAuditEvent } from "../../../audit/record-event";
import { confirmOptimizeSchema } from "../../../validations/optimize";
import { invalidInput } from "../../validation-error";
import { runAfterPhase } from "./run-after-phase";

/**
 * The admin's go-ahead (index.change, with a reason): applies the advised indexes, runs the
 * scenario again and gives the verdict, in the background. Audited in the same transaction
 * that moves the session on, so a confirmation is recorded exactly once.
 */
export async function confirmOptimize(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const user = await authorize(actor, "index.change", { action: "optimize.confirm" });
  const parsed = confirmOptimizeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { sessionId, reason } = parsed.data;
  const prisma = await db();
  const moved = await prisma.$transaction(async (tx) => {
    const { count } = await tx.optimizeSession.updateMany({
      where: { id: sessionId, status: "awaiting-confirmation" },
      data: { status: "applying", confirmedById: user.id, confirmedAt: new Date(), reason },
    });
    await recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "optimize.confirm", target: sessionId, sourceIp: user.sourceIp,
      outcome: count ? "success" : "denied", after: count ? { reason } : { reason, refused: "not awaiting confirmation" },
    });
    return count === 1;
  });
  if (!moved) throw new AppError("CONFLICT", "This Optimize flow is not waiting for a confirmation.");
  void runAfterPhase(sessionId, user, reason);
  return { id: sessionId };
}
