import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { runListSchema } from "../../validations/run";
import { invalidInput } from "../validation-error";

export interface RunListRow {
  id: string;
  scenario: string;
  target: string;
  status: string;
  createdAt: string;
  requests: number | null;
  p95: number | null;
}

const MAX_LISTED = 5000;

export async function listRuns(actor: Actor | null, input: unknown): Promise<RunListRow[]> {
  await authorize(actor, "console.view", { action: "run.list" });
  const parsed = runListSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const rows = await (await db()).loadTestRun.findMany({
    where: { ...(parsed.data.scenario ? { scenario: parsed.data.scenario } : {}), ...(parsed.data.status ? { status: parsed.data.status } : {}) },
    orderBy: { createdAt: "desc" },
    take: MAX_LISTED,
  });
  return rows.map((r) => {
    const s = r.summary as { requests?: number; latencyMs?: { p95?: number } } | null;
    return { id: r.id, scenario: r.scenario, target: r.target, status: r.status, createdAt: r.createdAt.toISOString(), requests: s?.requests ?? null, p95: s?.latencyMs?.p95 ?? null };
  });
}
