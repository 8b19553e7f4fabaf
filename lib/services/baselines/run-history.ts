import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { detectChangePoints } from "@/core/engines/regression/change-points";
import { runIdSchema } from "../../validations/run";
import { invalidInput } from "../validation-error";

export interface HistoryPoint {
  runId: string;
  createdAt: string;
  p95: number;
  status: string;
}

export interface RunHistory {
  scenario: string;
  target: string;
  points: HistoryPoint[];
  changePoints: { index: number; runId: string; before: number; after: number; p: number }[];
  /** Index of the first run of the segment since the last change point (the effective baseline). */
  effectiveStart: number;
}

/** Otava's defaults: 50-run windows, p = 0.001. */
const CHANGE_POINT_OPTIONS = { window: 50, pValue: 0.001 };
const MAX_HISTORY = 500;

/** The p95 of every finished run of this run's scenario and target, with change points marked. */
export async function runHistory(actor: Actor | null, input: unknown): Promise<RunHistory | null> {
  await authorize(actor, "console.view", { action: "run.history" });
  const parsed = runIdSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const prisma = await db();
  const run = await prisma.loadTestRun.findUnique({ where: { id: parsed.data.runId }, select: { scenario: true, target: true } });
  if (!run) return null;
  const rows = await prisma.loadTestRun.findMany({
    where: { scenario: run.scenario, target: run.target, status: { in: ["passed", "failed"] } },
    orderBy: { createdAt: "desc" },
    take: MAX_HISTORY,
    select: { id: true, createdAt: true, status: true, summary: true },
  });
  const points = rows.reverse().flatMap((r) => {
    const p95 = (r.summary as { latencyMs?: { p95?: number } } | null)?.latencyMs?.p95;
    return typeof p95 === "number" ? [{ runId: r.id, createdAt: r.createdAt.toISOString(), p95, status: r.status }] : [];
  });
  const found = detectChangePoints(points.map((p) => p.p95), CHANGE_POINT_OPTIONS);
  const changePoints = found.map((c) => ({ ...c, runId: points[c.index]!.runId }));
  return { scenario: run.scenario, target: run.target, points, changePoints, effectiveStart: changePoints.at(-1)?.index ?? 0 };
}
