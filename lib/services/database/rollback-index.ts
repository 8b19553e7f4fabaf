import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../errors";
import { rollbackIndexInputSchema } from "../../validations/database";
import { invalidInput } from "../validation-error";
import { auditIndexEvent, auditIndexOutcome } from "./audit-index-event";
import { clinicalIndexOps } from "./clinical-index-ops";

/** Rolls an applied index back with DROP INDEX CONCURRENTLY (plain DROP INDEX on the embedded PGlite, through the clinical service; admin only; reason required; audited). */
export async function rollbackIndex(actor: Actor | null, input: unknown): Promise<{ id: string; existed: boolean }> {
  const user = await authorize(actor, "index.change", { action: "index.rollback" });
  const parsed = rollbackIndexInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { appliedIndexId, reason } = parsed.data;
  const prisma = await db();
  const row = await prisma.appliedIndex.findUnique({ where: { id: appliedIndexId } });
  if (!row) throw new AppError("NOT_FOUND", "No such applied index.");
  const target = `index:${row.schemaName}.${row.indexName}`;
  if (row.status !== "valid") {
    const message = `Only a built index can be rolled back; this one is ${row.status.replace("_", " ")}.`;
    await auditIndexOutcome(user, { action: "index.rollback", target, outcome: "failure", after: { refused: message, reason } });
    throw new AppError("CONFLICT", message);
  }
  let existed: boolean;
  try {
    ({ existed } = await clinicalIndexOps().drop(row.schemaName, row.indexName));
  } catch (err) {
    await auditIndexOutcome(user, { action: "index.rollback", target, outcome: "failure", after: { error: (err as Error).message, reason } });
    throw err;
  }
  await prisma.$transaction(async (tx) => {
    await tx.appliedIndex.update({ where: { id: row.id }, data: { status: "rolled_back", rolledBackById: user.id, rolledBackAt: new Date(), rollbackReason: reason } });
    await auditIndexEvent(tx, user, { action: "index.rollback", target, outcome: "success", before: { ddl: row.ddl, status: row.status }, after: { status: "rolled_back", existed, reason } });
  });
  return { id: row.id, existed };
}
