import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../errors";
import type { Candidate, ConstantPredicate, IndexColumn, QueryEffect } from "@/core/engines/index-advisor/types";
import type { Prisma } from "../../generated/prisma/client";
import { applyIndexInputSchema } from "../../validations/database";
import { invalidInput } from "../validation-error";
import { auditIndexEvent, auditIndexOutcome } from "./audit-index-event";
import { clinicalIndexOps } from "./clinical-index-ops";

export interface AppliedIndexResult {
  id: string;
  status: "valid" | "failed";
  indexName: string;
  ddl: string;
  buildMs: number | null;
  error: string | null;
  /** True when the table changed since the advice and the what-if was run again. */
  rechecked: boolean;
  costBefore: number;
  costAfter: number;
  /** PGlite builds block its one connection; said on screen instead of pretending to be concurrent. */
  note: string | null;
}

const EMBEDDED_NOTE = "Built with plain CREATE INDEX: the embedded PGlite has one connection, so CONCURRENTLY would protect no other session, and the service waits for the build.";

/**
 * Applies a stored suggestion (admin only; reason required; audited): re-checks the what-if
 * when the table changed since the advice, then builds the index under the advisory lock
 * (CREATE INDEX CONCURRENTLY on PostgreSQL). Refusals (another build running, the index
 * exists, no longer helps) are audited and returned as CONFLICT; a failed build is recorded
 * with its error after the invalid index has been dropped.
 */
export async function applyIndex(actor: Actor | null, input: unknown): Promise<AppliedIndexResult> {
  const user = await authorize(actor, "index.change", { action: "index.apply" });
  const parsed = applyIndexInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { suggestionId, reason } = parsed.data;
  const prisma = await db();
  const s = await prisma.indexSuggestion.findUnique({ where: { id: suggestionId } });
  if (!s) throw new AppError("NOT_FOUND", "No such suggestion.");
  const target = `index:${s.schemaName}.${s.indexName}`;
  const refuse = async (message: string, detail: object = {}): Promise<never> => {
    await auditIndexOutcome(user, { action: "index.apply", target, outcome: "failure", after: { refused: message, reason, ...detail } });
    throw new AppError("CONFLICT", message);
  };

  const ops = clinicalIndexOps();
  const candidate: Candidate & { name: string } = {
    schema: s.schemaName, table: s.tableName, name: s.indexName,
    columns: s.columns as unknown as IndexColumn[], where: s.predicate as unknown as ConstantPredicate[],
  };
  const queries = s.queries as unknown as QueryEffect[];
  let costs = { costBefore: s.costBefore, costAfter: s.costAfter };
  try {
    await ops.ensureAbsent(candidate);
  } catch (err) {
    if (err instanceof AppError && err.code === "CONFLICT") await refuse(err.message);
    throw err;
  }
  const fingerprint = await ops.fingerprint(s.schemaName, s.tableName);
  const rechecked = fingerprint !== s.tableFingerprint;
  if (rechecked) {
    if (fingerprint === null) await refuse(`Table ${s.schemaName}.${s.tableName} no longer exists.`);
    const r = await ops.recheck(candidate, queries.map((q) => q.query));
    costs = { costBefore: r.costBefore, costAfter: r.costAfter };
    if (!r.stillHelps) await refuse(`The table changed since this advice; re-checked, the index would now take the cost from ${r.costBefore.toFixed(0)} to ${r.costAfter.toFixed(0)}, not below half. Advise again.`, costs);
  }
  const means = await ops.statementMeans(queries.map((q) => q.queryId));
  const before = { ...costs, rechecked, queries: queries.map((q) => ({ queryId: q.queryId, query: q.query, costBefore: q.costBefore, costAfter: q.costAfter, meanMs: means[q.queryId]?.meanMs ?? q.meanMs, calls: means[q.queryId]?.calls ?? q.calls })) };

  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.appliedIndex.create({
      data: { suggestionId: s.id, schemaName: s.schemaName, tableName: s.tableName, indexName: s.indexName, ddl: s.ddl, method: ops.target.method, reason, appliedById: user.id, before: before as Prisma.InputJsonValue },
    });
    await auditIndexEvent(tx, user, { action: "index.apply.start", target, outcome: "success", after: { ddl: s.ddl, reason, rechecked, ...costs } });
    return created;
  });

  let result: { ms: number; ddl: string } | undefined;
  let error: string | null = null;
  try {
    result = await ops.build(candidate);
  } catch (err) {
    if (err instanceof AppError && err.code === "CONFLICT") {
      // Refused before anything was built (another build holds the lock, or the index exists).
      await prisma.$transaction(async (tx) => {
        await tx.appliedIndex.update({ where: { id: row.id }, data: { status: "failed", finishedAt: new Date(), error: err.message } });
        await auditIndexEvent(tx, user, { action: "index.apply", target, outcome: "failure", after: { refused: err.message, reason } });
      });
      throw err;
    }
    error = (err as Error).message;
  }
  const status = result ? "valid" : "failed";
  await prisma.$transaction(async (tx) => {
    await tx.appliedIndex.update({ where: { id: row.id }, data: { status, finishedAt: new Date(), buildMs: result?.ms ?? null, error } });
    await auditIndexEvent(tx, user, { action: "index.apply", target, outcome: result ? "success" : "failure", after: { ddl: result?.ddl ?? s.ddl, buildMs: result?.ms, error, reason } });
  });
  return {
    id: row.id, status, indexName: s.indexName, ddl: result?.ddl ?? s.ddl, buildMs: result?.ms ?? null, error, rechecked, ...costs,
    note: ops.target.kind === "embedded" ? EMBEDDED_NOTE : null,
  };
}
