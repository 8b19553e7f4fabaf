import "server-only";
import { db } from "../../../db/prisma";
import { recordAuditEvent } from "../../../audit/record-event";
import { failSession } from "../optimize/steps";
import { settleInterruptedBuild, type InterruptedBuildOutcome } from "./settle-build";

/** The Optimize states that only a live console process moves on (awaiting-confirmation waits for a person and survives a restart). */
const IN_PROCESS_STATUSES = ["running", "applying"];

export interface RecoveryReport {
  sessions: number;
  builds: { indexName: string; outcome: InterruptedBuildOutcome }[];
}

/**
 * Run once at console start-up. Work that ran inside the previous console process (an Optimize
 * phase, an index build) cannot still be running: sessions are failed with the step they were on,
 * and each index build left `building` is settled against the database (a build that finished is
 * recorded valid; the INVALID index an interrupted CONCURRENTLY build leaves is dropped, so a new
 * apply is not refused by its name). Each settlement is audited as the system.
 */
export async function recoverInterruptedWork(now = new Date()): Promise<RecoveryReport> {
  const prisma = await db();
  const sessions = await prisma.optimizeSession.findMany({ where: { status: { in: IN_PROCESS_STATUSES } }, select: { id: true } });
  for (const s of sessions) await failSession(s.id, new Error(`Interrupted: the console stopped while this step ran (recovered at ${now.toISOString()}). Start Optimize again.`));
  const building = await prisma.appliedIndex.findMany({ where: { status: "building" } });
  const builds: RecoveryReport["builds"] = [];
  for (const row of building) {
    const outcome = await settleInterruptedBuild(row.schemaName, row.indexName);
    const status = outcome === "valid" ? "valid" : "failed";
    const error = outcome === "valid" ? null : `Interrupted by a console restart (${outcome === "invalid-dropped" ? "its invalid index was dropped" : outcome === "absent" ? "no index was left" : "the database could not be checked"}).`;
    await prisma.$transaction(async (tx) => {
      await tx.appliedIndex.update({ where: { id: row.id }, data: { status, error, finishedAt: now } });
      await recordAuditEvent(tx, { actorId: null, actor: "system", actorRole: null, action: "index.recover", target: row.indexName, sourceIp: null, outcome: "success", before: { status: "building" }, after: { status, outcome } });
    });
    builds.push({ indexName: row.indexName, outcome });
  }
  return { sessions: sessions.length, builds };
}
