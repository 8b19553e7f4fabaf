import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { runIdSchema } from "../../validations/run";
import { invalidInput } from "../validation-error";
import { liveRuns } from "./supervisor";

export interface RunView {
  id: string;
  scenario: string;
  target: string;
  status: string;
  config: unknown;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Final result, or the latest progress while running (live copy from memory when here). */
  summary: Record<string, unknown> | null;
  live: boolean;
  /** With `full`: 10-second endpoint windows and encoded histograms (the download, and baselines). */
  windows?: unknown;
  histograms?: unknown;
}

export async function getRun(actor: Actor | null, input: unknown, opts: { full?: boolean } = {}): Promise<RunView> {
  await authorize(actor, "console.view", { action: "run.view" });
  const parsed = runIdSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const run = await (await db()).loadTestRun.findUnique({ where: { id: parsed.data.runId } });
  if (!run) throw new AppError("NOT_FOUND", "No such run.");
  const live = liveRuns().get(run.id);
  return {
    id: run.id, scenario: run.scenario, target: run.target, status: run.status, config: run.config,
    createdAt: run.createdAt.toISOString(), startedAt: run.startedAt?.toISOString() ?? null, finishedAt: run.finishedAt?.toISOString() ?? null,
    summary: (live?.progress as Record<string, unknown> | null) ?? (run.summary as Record<string, unknown> | null),
    live: Boolean(live),
    ...(opts.full ? { windows: run.windows, histograms: run.histograms } : {}),
  };
}
