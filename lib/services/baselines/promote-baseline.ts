import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { runIdSchema } from "../../validations/run";
import { reasonSchema } from "../../validations/reason";
import { measuredNoise } from "@/core/engines/regression/run-comparison";
import { invalidInput } from "../validation-error";
import { comparableRun } from "./comparable-run";

const promoteBaselineSchema = runIdSchema.extend({ reason: reasonSchema });

/**
 * Makes a passed run the baseline of its scenario and target (admin; audited with the one it
 * replaces). The run-to-run noise is measured against the previous passed run of the same pair.
 */
export async function promoteBaseline(actor: Actor | null, input: unknown): Promise<{ noise: number | null }> {
  const user = await authorize(actor, "baseline.promote", { action: "baseline.promote" });
  const parsed = promoteBaselineSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const prisma = await db();
  const run = await prisma.loadTestRun.findUnique({ where: { id: parsed.data.runId } });
  if (!run) throw new AppError("NOT_FOUND", "No such run.");
  if (run.status !== "passed") throw new AppError("CONFLICT", `Only a passed run can become a baseline; this one is ${run.status}.`);
  const candidate = comparableRun(run);
  if (!candidate) throw new AppError("CONFLICT", "This run has no windows to compare against.");
  const earlier = await prisma.loadTestRun.findMany({
    where: { scenario: run.scenario, target: run.target, status: "passed", createdAt: { lt: run.createdAt } },
    orderBy: { createdAt: "desc" },
    take: 5,
  });
  const previous = earlier.map((r) => ({ id: r.id, c: comparableRun(r) })).find((r) => r.c);
  const noise = previous ? measuredNoise(previous.c!, candidate) : null;
  await prisma.$transaction(async (tx) => {
    const before = await tx.baseline.findUnique({ where: { scenario_target: { scenario: run.scenario, target: run.target } } });
    const data = { runId: run.id, promotedById: user.id, noise, noiseRunId: previous?.id ?? null, createdAt: new Date() };
    await tx.baseline.upsert({ where: { scenario_target: { scenario: run.scenario, target: run.target } }, create: { scenario: run.scenario, target: run.target, ...data }, update: data });
    await recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "baseline.promote", target: run.id, sourceIp: user.sourceIp, outcome: "success",
      before: before ? { runId: before.runId } : null, after: { scenario: run.scenario, target: run.target, runId: run.id, noise, noiseRunId: previous?.id ?? null, reason: parsed.data.reason },
    });
  });
  return { noise };
}
