import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";

export async function countRuns(actor: Actor | null): Promise<number> {
  await authorize(actor, "console.view", { action: "run.count" });
  return (await db()).loadTestRun.count();
}
