import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { env } from "../../env";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { guardTarget, TargetRefused } from "@/core/engines/loadgen/target-guard";
import { LOADTEST_LIMITS } from "@/core/engines/loadgen/limits";
import { startRunSchema } from "../../validations/run";
import { invalidInput } from "../validation-error";
import { superviseRun } from "./supervisor";
import { clinicalCredentials, CREDENTIALS_MISSING, isClinicalService } from "./clinical-credentials";

/** Loopback, the configured clinical service and VIGIL_LOADTEST_ALLOWLIST. */
export function allowedHosts(): string[] {
  return [new URL(env().CLINICAL_URL).hostname, ...env().VIGIL_LOADTEST_ALLOWLIST];
}

/** Starts a run (ops, admin): validated, target checked and pinned, capped per user (atomically), audited. */
export async function startRun(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const user = await authorize(actor, "loadtest.run", { action: "run.start" });
  const parsed = startRunSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { scenario, target, durationS, abortOnFail } = parsed.data;
  const thresholds = parsed.data.thresholds?.map((t) => ({ ...t, abortOnFail }));
  const prisma = await db();
  const refuse = async (reason: string, code: "FORBIDDEN" | "LIMIT_EXCEEDED" | "UNAVAILABLE", fields?: Record<string, string[]>) => {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "run.start", target: scenario, sourceIp: user.sourceIp, outcome: "denied", after: { scenario, target, reason } }),
    );
    return new AppError(code, reason, fields);
  };
  try {
    await guardTarget(target, allowedHosts());
  } catch (err) {
    // Shown under the form's target field (an unresolvable name included), and audited.
    if (err instanceof TargetRefused) throw await refuse(err.message, "FORBIDDEN", { target: [err.message] });
    throw err;
  }
  // Without the console's client every request would be a 401: refuse up front, under the target field.
  if (isClinicalService(target) && !clinicalCredentials()) throw await refuse(CREDENTIALS_MISSING, "UNAVAILABLE", { target: [CREDENTIALS_MISSING] });
  const config = { scenario, target, durationS: durationS ?? null, seed: 1, thresholds: thresholds ?? "scenario defaults" };
  const cap = LOADTEST_LIMITS.maxConcurrentRunsPerUser;
  // Count and create in one transaction holding the user's row lock: parallel submissions by one
  // user queue on the lock, so each sees the runs the previous one created (count-await-start
  // let them all through).
  const outcome = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    const mine = await tx.loadTestRun.count({ where: { createdById: user.id, status: "running" } });
    if (mine >= cap) return { refused: mine } as const;
    const created = await tx.loadTestRun.create({ data: { scenario, target, status: "running", config, createdById: user.id, startedAt: new Date() } });
    await recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "run.start", target: created.id, sourceIp: user.sourceIp, outcome: "success", after: config });
    return { run: created } as const;
  });
  if ("refused" in outcome) throw await refuse(`You already have ${outcome.refused} runs in progress (limit ${cap}).`, "LIMIT_EXCEEDED");
  const run = outcome.run;
  superviseRun(run.id, user.id, { scenario, target, durationS, seed: 1, thresholds, allowHosts: allowedHosts() });
  return { id: run.id };
}
