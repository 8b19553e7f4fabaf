import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { env } from "../../env";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { guardTarget, TargetRefused } from "../../engines/loadgen/target-guard";
import { LOADTEST_LIMITS } from "../../engines/loadgen/limits";
import { startRunSchema } from "../../validations/run";
import { invalidInput } from "../validation-error";
import { liveRuns, superviseRun } from "./supervisor";

/** Loopback, the configured clinical service and VIGIL_LOADTEST_ALLOWLIST. */
export function allowedHosts(): string[] {
  return [new URL(env().CLINICAL_URL).hostname, ...env().VIGIL_LOADTEST_ALLOWLIST];
}

/** Starts a run (ops, admin): validated, target checked and pinned, capped per user, audited. */
export async function startRun(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const user = await authorize(actor, "loadtest.run", { action: "run.start" });
  const parsed = startRunSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { scenario, target, durationS, abortOnFail } = parsed.data;
  const thresholds = parsed.data.thresholds?.map((t) => ({ ...t, abortOnFail }));
  const prisma = await db();
  const refuse = async (reason: string, code: "FORBIDDEN" | "LIMIT_EXCEEDED") => {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "run.start", target: scenario, sourceIp: user.sourceIp, outcome: "denied", after: { scenario, target, reason } }),
    );
    return new AppError(code, reason);
  };
  try {
    await guardTarget(target, allowedHosts());
  } catch (err) {
    if (err instanceof TargetRefused) throw await refuse(err.message, "FORBIDDEN");
    throw err;
  }
  const mine = [...liveRuns().values()].filter((r) => r.userId === user.id).length;
  if (mine >= LOADTEST_LIMITS.maxConcurrentRunsPerUser) {
    throw await refuse(`You already have ${mine} runs in progress (limit ${LOADTEST_LIMITS.maxConcurrentRunsPerUser}).`, "LIMIT_EXCEEDED");
  }
  const config = { scenario, target, durationS: durationS ?? null, seed: 1, thresholds: thresholds ?? "scenario defaults" };
  const run = await prisma.$transaction(async (tx) => {
    const created = await tx.loadTestRun.create({ data: { scenario, target, status: "running", config, createdById: user.id, startedAt: new Date() } });
    await recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "run.start", target: created.id, sourceIp: user.sourceIp, outcome: "success", after: config });
    return created;
  });
  superviseRun(run.id, user.id, { scenario, target, durationS, seed: 1, thresholds, allowHosts: allowedHosts() });
  return { id: run.id };
}
