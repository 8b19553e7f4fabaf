import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";

export interface AppliedIndexRow {
  id: string;
  schema: string;
  table: string;
  indexName: string;
  ddl: string;
  method: string;
  status: string;
  reason: string;
  appliedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  buildMs: number | null;
  error: string | null;
  before: unknown;
  after: unknown;
  rolledBackAt: string | null;
  rollbackReason: string | null;
}

/** Every index Vigil built or tried to build, newest first, with who/when/why and the figures. */
export async function listAppliedIndexes(actor: Actor | null): Promise<AppliedIndexRow[]> {
  await authorize(actor, "console.view", { action: "index.view" });
  const prisma = await db();
  const rows = await prisma.appliedIndex.findMany({ orderBy: { startedAt: "desc" }, take: 200 });
  const ids = [...new Set(rows.map((r) => r.appliedById).filter((x): x is string => Boolean(x)))];
  const users = new Map((await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    id: r.id, schema: r.schemaName, table: r.tableName, indexName: r.indexName, ddl: r.ddl, method: r.method, status: r.status, reason: r.reason,
    appliedBy: r.appliedById ? (users.get(r.appliedById) ?? null) : null, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
    buildMs: r.buildMs, error: r.error, before: r.before, after: r.after, rolledBackAt: r.rolledBackAt?.toISOString() ?? null, rollbackReason: r.rollbackReason,
  }));
}

/**
 * The indexes in force (built, not rolled back) as a migration for the user's own tooling:
 * `CREATE INDEX CONCURRENTLY IF NOT EXISTS …`, oldest first, one statement per line.
 */
export async function appliedIndexesMigration(actor: Actor | null): Promise<{ filename: string; sql: string }> {
  await authorize(actor, "console.view", { action: "index.export" });
  const rows = await (await db()).appliedIndex.findMany({ where: { status: "valid" }, orderBy: { startedAt: "asc" } });
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const lines = [
    `-- Indexes applied by Vigil's index advisor, exported ${new Date().toISOString()}.`,
    "-- CONCURRENTLY cannot run inside a transaction: run this file without one (e.g. psql -f, not -1).",
    ...rows.flatMap((r) => [`-- ${r.startedAt.toISOString()}: ${r.reason.replace(/\s+/g, " ")}`, `${r.ddl.replace(/^CREATE INDEX (CONCURRENTLY )?/, "CREATE INDEX CONCURRENTLY IF NOT EXISTS ")};`]),
  ];
  return { filename: `${stamp}_vigil_indexes.sql`, sql: `${lines.join("\n")}\n` };
}
