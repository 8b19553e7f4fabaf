import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { Prisma } from "../../generated/prisma/client";
import { adviseInputSchema } from "../../validations/database";
import { invalidInput } from "../validation-error";
import { auditIndexEvent } from "./audit-index-event";
import { clinicalIndexOps } from "./clinical-index-ops";
import { latestAdvice, type StoredAdvice } from "./latest-advice";

const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * Runs the index advisor on the clinical database's workload (ops and admin) and stores the run
 * and its ranked suggestions, each with its table's fingerprint for the re-check before apply.
 */
export async function adviseIndexes(actor: Actor | null, input: unknown): Promise<StoredAdvice> {
  const user = await authorize(actor, "index.advise", { action: "index.advise" });
  const parsed = adviseInputSchema.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const ops = clinicalIndexOps();
  const { advice, fingerprints } = await ops.advise(parsed.data.minCalls);
  const prisma = await db();
  const runId = await prisma.$transaction(async (tx) => {
    const run = await tx.indexAdviceRun.create({
      data: { method: advice.method, minCalls: parsed.data.minCalls, analyzed: advice.analyzed, windowHours: advice.windowHours, createdById: user.id },
    });
    for (const [i, s] of advice.suggestions.entries()) {
      await tx.indexSuggestion.create({
        data: {
          runId: run.id, rank: i + 1, schemaName: s.schema, tableName: s.table, indexName: s.name, columns: json(s.columns), predicate: json(s.where),
          ddl: s.ddl, queries: json(s.queries), costBefore: s.costBefore, costAfter: s.costAfter, estimatedSavedMsPerHour: s.estimatedSavedMsPerHour,
          activity: json(s.activity), tableFingerprint: fingerprints[`${s.schema}.${s.table}`] ?? null,
        },
      });
    }
    await auditIndexEvent(tx, user, {
      action: "index.advise", target: `index-advice:${run.id}`, outcome: "success",
      after: { method: advice.method, analyzed: advice.analyzed, suggestions: advice.suggestions.map((s) => s.ddl) },
    });
    return run.id;
  });
  return (await latestAdvice(user, runId))!;
}
