import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { IndexColumn, QueryEffect, TableActivity } from "@/core/engines/index-advisor/types";
import { clinicalDatabaseTarget } from "./clinical-database";

export interface StoredSuggestion {
  id: string;
  rank: number;
  schema: string;
  table: string;
  indexName: string;
  columns: IndexColumn[];
  ddl: string;
  queries: QueryEffect[];
  costBefore: number;
  costAfter: number;
  estimatedSavedMsPerHour: number;
  activity: TableActivity;
  /** The newest applied-index row made from it, if any. */
  applied: { id: string; status: string; startedAt: string; finishedAt: string | null; error: string | null } | null;
}

export interface StoredAdvice {
  runId: string;
  method: string;
  /** Where the advisor ran: "PostgreSQL host:port/db" or the embedded PGlite. */
  database: string;
  analyzed: number;
  windowHours: number;
  createdAt: string;
  suggestions: StoredSuggestion[];
}

/** The newest advisor run (or `runId`) with its ranked suggestions; null before the first run. */
export async function latestAdvice(actor: Actor | null, runId?: string): Promise<StoredAdvice | null> {
  await authorize(actor, "console.view", { action: "index.view" });
  const run = await (await db()).indexAdviceRun.findFirst({
    where: runId ? { id: runId } : {},
    orderBy: { createdAt: "desc" },
    include: { suggestions: { orderBy: { rank: "asc" }, include: { applied: { orderBy: { startedAt: "desc" }, take: 1 } } } },
  });
  if (!run) return null;
  return {
    runId: run.id, method: run.method, database: clinicalDatabaseTarget().label, analyzed: run.analyzed, windowHours: run.windowHours, createdAt: run.createdAt.toISOString(),
    suggestions: run.suggestions.map((s) => {
      const a = s.applied[0];
      return {
        id: s.id, rank: s.rank, schema: s.schemaName, table: s.tableName, indexName: s.indexName, columns: s.columns as unknown as IndexColumn[], ddl: s.ddl,
        queries: s.queries as unknown as QueryEffect[], costBefore: s.costBefore, costAfter: s.costAfter, estimatedSavedMsPerHour: s.estimatedSavedMsPerHour,
        activity: s.activity as unknown as TableActivity,
        applied: a ? { id: a.id, status: a.status, startedAt: a.startedAt.toISOString(), finishedAt: a.finishedAt?.toISOString() ?? null, error: a.error } : null,
      };
    }),
  };
}
