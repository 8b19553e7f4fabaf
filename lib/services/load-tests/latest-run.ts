import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";

export interface LatestRun {
  id: string;
  scenario: string;
  target: string;
  status: string;
  createdAt: string;
}

/** The most recently created run (any status), or null when none was ever started. */
export async function latestRun(actor: Actor | null): Promise<LatestRun | null> {
  await authorize(actor, "console.view", { action: "run.view" });
  const r = await (await db()).loadTestRun.findFirst({ orderBy: { createdAt: "desc" } });
  return r && { id: r.id, scenario: r.scenario, target: r.target, status: r.status, createdAt: r.createdAt.toISOString() };
}
