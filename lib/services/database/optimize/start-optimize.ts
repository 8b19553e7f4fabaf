import "server-only";
import { db } from "../../../db/prisma";
import { env } from "../../../env";
import { AppError } from "../../../errors";
import { authorize } from "../../../auth/authorize";
import type { Actor } from "../../../auth/actor";
import { recordAuditEvent } from "../../../audit/record-event";
import { startOptimizeSchema } from "../../../validations/optimize";
import { invalidInput } from "../../validation-error";
import { ACTIVE_STATUSES, initialSteps } from "./steps";
import { runBaselinePhase } from "./run-baseline-phase";

/**
 * Starts an Optimize flow (ops, admin: the same people who may run load tests) against the
 * configured clinical service. One at a time: a second flow would measure the first's changes.
 * The baseline half runs in the background; the page follows the step rows.
 */
export async function startOptimize(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const user = await authorize(actor, "loadtest.run", { action: "optimize.start" });
  const parsed = startOptimizeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { scenario, durationS } = parsed.data;
  const target = env().CLINICAL_URL;
  const prisma = await db();
  const session = await prisma.$transaction(async (tx) => {
    const active = await tx.optimizeSession.findFirst({ where: { status: { in: ACTIVE_STATUSES } }, select: { id: true, status: true } });
    if (active) {
      await recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "optimize.start", target: scenario, sourceIp: user.sourceIp, outcome: "denied", after: { reason: "another optimize session is active", active: active.id } });
      return null;
    }
    const created = await tx.optimizeSession.create({ data: { scenario, target, durationS, createdById: user.id, steps: { create: initialSteps() } } });
    await recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "optimize.start", target: created.id, sourceIp: user.sourceIp, outcome: "success", after: { scenario, target, durationS } });
    return created;
  });
  if (!session) throw new AppError("CONFLICT", "Another Optimize flow is in progress; finish or wait for it first.");
  void runBaselinePhase(session.id, user);
  return { id: session.id };
}
