import "server-only";
import { db } from "../../../db/prisma";
import { authorize } from "../../../auth/authorize";
import type { Actor } from "../../../auth/actor";
import { optimizeIdSchema } from "../../../validations/optimize";
import { invalidInput } from "../../validation-error";
import type { Comparison } from "@/core/engines/regression/types";
import type { MeanChange } from "@/core/engines/db-insight/query-means";

/** What a finished flow stored: the regression verdict per endpoint and each query's means. */
export interface OptimizeResult {
  verdict: string;
  comparisons: Comparison[];
  explanation: string[];
  queries: MeanChange[];
  nothingToApply?: boolean;
}

export interface OptimizeView {
  id: string;
  scenario: string;
  target: string;
  durationS: number;
  status: string;
  baselineRunId: string | null;
  afterRunId: string | null;
  advice: unknown;
  result: unknown;
  error: string | null;
  reason: string | null;
  createdAt: string;
  finishedAt: string | null;
  steps: { kind: string; status: string; detail: unknown; startedAt: string | null; finishedAt: string | null }[];
}

type Row = Awaited<ReturnType<typeof load>>;
const load = async (where: { id?: string }) =>
  (await db()).optimizeSession.findFirst({ where, orderBy: { createdAt: "desc" }, include: { steps: { orderBy: { position: "asc" } } } });

function view(s: NonNullable<Row>): OptimizeView {
  return {
    id: s.id, scenario: s.scenario, target: s.target, durationS: s.durationS, status: s.status, baselineRunId: s.baselineRunId, afterRunId: s.afterRunId,
    advice: s.advice, result: s.result, error: s.error, reason: s.reason, createdAt: s.createdAt.toISOString(), finishedAt: s.finishedAt?.toISOString() ?? null,
    steps: s.steps.map((x) => ({ kind: x.kind, status: x.status, detail: x.detail, startedAt: x.startedAt?.toISOString() ?? null, finishedAt: x.finishedAt?.toISOString() ?? null })),
  };
}

/** One Optimize flow with its steps (any console role). */
export async function getOptimize(actor: Actor | null, input: unknown): Promise<OptimizeView | null> {
  await authorize(actor, "console.view", { action: "optimize.view" });
  const parsed = optimizeIdSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const s = await load({ id: parsed.data.sessionId });
  return s ? view(s) : null;
}

/** The most recent Optimize flow, for the Database page. */
export async function latestOptimize(actor: Actor | null): Promise<OptimizeView | null> {
  await authorize(actor, "console.view", { action: "optimize.view" });
  const s = await load({});
  return s ? view(s) : null;
}
