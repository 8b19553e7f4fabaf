import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { z } from "zod";
import type { SqlClient } from "@/core/db/sql-client";
import { adviseIndexes } from "@/core/engines/index-advisor/advise";
import { buildIndex, dropIndex, ensureAbsent, IndexBuildFailed, IndexBuildRefused } from "@/core/engines/index-advisor/build-index";
import { readBuildProgress, type BuildProgress } from "@/core/engines/index-advisor/build-progress";
import { createIndexSql } from "@/core/engines/index-advisor/ddl";
import { MissingExtensionError } from "@/core/engines/index-advisor/extensions";
import { recheckSuggestion, tableFingerprint } from "@/core/engines/index-advisor/recheck";
import type { WhatIfMethod } from "@/core/engines/index-advisor/types";
import { readStatementMeans } from "@/core/engines/index-advisor/workload";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { jsonBody, signedAdminScope } from "../http/admin-auth";

// PostgreSQL identifiers (63 bytes at most); quoted by the engine's DDL anyway.
const ident = z.string().min(1).max(63).regex(/^[A-Za-z_][A-Za-z0-9_$]*$/);
// The only right-hand sides the advisor writes for a partial index (parse-query.ts `literal`).
const predicateSql = z.string().max(200).regex(/^(IS NULL|IS NOT NULL|= -?\d{1,18}|= true|= false|= '(?:[^'\\]|'')*')$/);
const candidate = z.object({
  schema: ident,
  table: ident,
  columns: z.array(z.object({ name: ident, desc: z.boolean() }).strict()).min(1).max(32),
  where: z.array(z.object({ column: ident, sql: predicateSql }).strict()).max(32),
}).strict();
const namedCandidate = candidate.extend({ name: ident }).strict();
const queryId = z.string().regex(/^-?\d{1,20}$/);

const schemas = {
  advise: z.object({ minCalls: z.number().int().min(1).max(1_000_000) }).strict(),
  fingerprint: z.object({ schema: ident, table: ident }).strict(),
  ensureAbsent: z.object({ candidate: namedCandidate }).strict(),
  recheck: z.object({ candidate, queries: z.array(z.string().min(1).max(20_000)).min(1).max(100) }).strict(),
  statementMeans: z.object({ queryIds: z.array(queryId).max(500) }).strict(),
  build: z.object({ candidate: namedCandidate }).strict(),
  drop: z.object({ schema: ident, name: ident }).strict(),
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "body"))];
    throw new ClinicalError("INVALID_INPUT", `Invalid index request: check ${fields.join(", ")}.`);
  }
  return parsed.data;
}

/**
 * Engine outcomes as typed service errors (clinical/src/errors.ts gives the status): a refusal
 * (busy, exists) and a missing extension (with its fix) are 409; a build that failed — its
 * invalid index already dropped by the engine — is 422 with the database's message.
 */
function translate(err: unknown): never {
  if (err instanceof IndexBuildRefused) throw new ClinicalError("CONFLICT", err.message);
  if (err instanceof MissingExtensionError) throw new ClinicalError("CONFLICT", `${err.message}. To enable it: ${err.fix.join(" ; ")}`);
  if (err instanceof IndexBuildFailed) throw new ClinicalError("UNPROCESSABLE", err.message);
  throw err;
}

const send = (reply: FastifyReply, body: unknown) => reply.header("cache-control", "no-store").send(body);

/**
 * Index advice, builds and rollbacks on the service's own database, for the console (signed like
 * the database insight). The embedded PGlite is owned by this process — a second process on its
 * folder loses writes — so the console's index work on it comes here. Every operation runs on
 * an exclusive session (`db.exclusive`): on PGlite the clinical traffic waits while it runs.
 * PGlite has no HypoPG: the what-if builds each candidate inside a rolled-back transaction;
 * builds are plain CREATE INDEX (one connection, nothing for CONCURRENTLY to protect).
 * All `POST` with a JSON body, under `/admin/database/indexes/`:
 * - `advise` `{ minCalls }` → `{ advice, fingerprints }` (fingerprint per suggested `schema.table`)
 * - `fingerprint` `{ schema, table }` → `{ fingerprint }`
 * - `ensure-absent` `{ candidate }` → `{ absent: true }`; 409 when it or an index leading with its key exists
 * - `recheck` `{ candidate, queries }` → `{ costBefore, costAfter, stillHelps }`
 * - `statement-means` `{ queryIds }` → `{ means }`
 * - `build` `{ candidate }` → `{ ms, ddl }`; 409 when refused (another build running, exists),
 *   422 when the build failed (no invalid index is left behind)
 * - `drop` `{ schema, name }` → `{ existed }`
 * - `GET progress` → `{ builds }` (on PGlite, the build this process is running: the database
 *   cannot be asked while it builds)
 */
export const adminDatabaseIndexRoutes: FastifyPluginAsync<{ db: ClinicalDb; secret?: string }> = async (app, { db, secret }) => {
  signedAdminScope(app, secret);
  const method: WhatIfMethod = db.kind === "pglite" ? "transaction" : "hypopg";
  const concurrently = db.kind === "postgres";
  // One build or drop at a time from this service. On PostgreSQL the engine's advisory lock also
  // covers other sessions; on PGlite the one session holds any advisory lock again, so this is the lock.
  let running: { op: "build" | "drop"; index: string; table: string } | null = null;
  const session = <T>(fn: (sql: SqlClient) => Promise<T>) => db.exclusive(fn).catch(translate);
  const oneAtATime = async <T>(job: NonNullable<typeof running>, fn: (sql: SqlClient) => Promise<T>): Promise<T> => {
    if (running) translate(new IndexBuildRefused("busy", "Another index build or drop is running on this database; try again when it has finished."));
    running = job;
    try {
      return await session(fn);
    } finally {
      running = null;
    }
  };
  const post = (path: string, handler: (body: unknown) => Promise<unknown>) =>
    app.post(`/admin/database/indexes/${path}`, async (req, reply) => send(reply, await handler(jsonBody(req))));

  post("advise", async (body) => {
    const { minCalls } = parse(schemas.advise, body);
    return session(async (sql) => {
      const advice = await adviseIndexes(sql, { method, minCalls });
      // The DDL this database will actually run (PGlite: plain CREATE INDEX).
      if (!concurrently) for (const s of advice.suggestions) s.ddl = createIndexSql(s, { concurrently: false, name: s.name });
      const fingerprints: Record<string, string | null> = {};
      for (const s of advice.suggestions) fingerprints[`${s.schema}.${s.table}`] ??= await tableFingerprint(sql, s.schema, s.table);
      return { advice, fingerprints };
    });
  });
  post("fingerprint", async (body) => {
    const { schema, table } = parse(schemas.fingerprint, body);
    return { fingerprint: await session((sql) => tableFingerprint(sql, schema, table)) };
  });
  post("ensure-absent", async (body) => {
    const { candidate: c } = parse(schemas.ensureAbsent, body);
    await session((sql) => ensureAbsent(sql, c));
    return { absent: true };
  });
  post("recheck", async (body) => {
    const { candidate: c, queries } = parse(schemas.recheck, body);
    return session((sql) => recheckSuggestion(sql, method, c, queries));
  });
  post("statement-means", async (body) => {
    const { queryIds } = parse(schemas.statementMeans, body);
    return { means: await session((sql) => readStatementMeans(sql, queryIds)) };
  });
  post("build", async (body) => {
    const { candidate: c } = parse(schemas.build, body);
    return oneAtATime({ op: "build", index: c.name, table: c.table }, (sql) => buildIndex(sql, c, { concurrently }));
  });
  post("drop", async (body) => {
    const { schema, name } = parse(schemas.drop, body);
    return oneAtATime({ op: "drop", index: name, table: "" }, (sql) => dropIndex(sql, schema, name, { concurrently }));
  });
  app.get("/admin/database/indexes/progress", async (_req, reply) => {
    let builds: BuildProgress[];
    if (db.kind === "postgres") builds = await session((sql) => readBuildProgress(sql));
    else if (running?.op === "build") {
      // Asking PGlite would wait for the build itself; say what is running, without counters.
      builds = [{ pid: process.pid, index: running.index, table: running.table, phase: "building (plain CREATE INDEX; PGlite reports no progress)", blocksDone: 0, blocksTotal: 0, tuplesDone: 0, tuplesTotal: 0, fraction: null }];
    } else builds = [];
    return send(reply, { builds });
  });
};
