import "server-only";
import { db } from "../../../db/prisma";
import type { Prisma } from "../../../generated/prisma/client";

/** The Optimize flow's steps, in order; `confirm` is the admin's decision between the halves. */
export const OPTIMIZE_STEPS = ["baseline", "insight", "advice", "confirm", "apply", "after-run", "verdict"] as const;
export type OptimizeStepKind = (typeof OPTIMIZE_STEPS)[number];
export type StepStatus = "pending" | "running" | "done" | "failed" | "skipped";

/** Sessions in these states hold the one Optimize slot (a second would measure the first's changes). */
export const ACTIVE_STATUSES = ["running", "awaiting-confirmation", "applying"];

export const initialSteps = () => OPTIMIZE_STEPS.map((kind, position) => ({ kind, position }));

/** Moves one step on; the page polls these rows. */
export async function setStep(sessionId: string, kind: OptimizeStepKind, status: StepStatus, detail?: unknown): Promise<void> {
  const now = new Date();
  const position = OPTIMIZE_STEPS.indexOf(kind);
  await (await db()).optimizeStep.update({
    where: { sessionId_position: { sessionId, position } },
    data: {
      status,
      ...(detail === undefined ? {} : { detail: detail as Prisma.InputJsonValue }),
      ...(status === "running" ? { startedAt: now } : {}),
      ...(status === "done" || status === "failed" || status === "skipped" ? { finishedAt: now } : {}),
    },
  });
}

/** Ends the session as failed and marks the step that was running as failed, with the reason. */
export async function failSession(sessionId: string, err: unknown): Promise<void> {
  const message = err instanceof Error ? err.message : String(err);
  const prisma = await db();
  await prisma.optimizeStep.updateMany({ where: { sessionId, status: "running" }, data: { status: "failed", finishedAt: new Date(), detail: { error: message } } });
  await prisma.optimizeStep.updateMany({ where: { sessionId, status: "pending" }, data: { status: "skipped" } });
  await prisma.optimizeSession.update({ where: { id: sessionId }, data: { status: "failed", error: message, finishedAt: new Date() } });
}
