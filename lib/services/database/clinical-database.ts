import "server-only";
import { openSqlClient, type SqlClient } from "@/core/db/sql-client";
import { env } from "../../env";
import { AppError } from "../../errors";
import type { WhatIfMethod } from "@/core/engines/index-advisor/types";

/**
 * How the console reaches the clinical database for index work. PostgreSQL
 * (CLINICAL_DATABASE_URL): direct sessions, HypoPG what-ifs, CREATE INDEX CONCURRENTLY.
 * Embedded PGlite: one process owns `.vigil/clinical` (the clinical service), so the console
 * never opens it; index work there goes through the service's signed control plane
 * (remote-index-ops.ts → clinical/src/routes/admin-database-indexes.ts): transaction what-ifs
 * (PGlite has no HypoPG) and plain CREATE INDEX (PGlite has one connection).
 */
export type ClinicalDatabaseTarget =
  | { kind: "postgres"; method: WhatIfMethod; concurrently: true; label: string }
  | { kind: "embedded"; method: "transaction"; concurrently: false; label: string };

export function clinicalDatabaseTarget(): ClinicalDatabaseTarget {
  const url = env().CLINICAL_DATABASE_URL;
  if (url) {
    const u = new URL(url);
    // Host and database name only: never the credentials.
    return { kind: "postgres", method: "hypopg", concurrently: true, label: `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}` };
  }
  return { kind: "embedded", method: "transaction", concurrently: false, label: "embedded PGlite (owned by the clinical service)" };
}

/** What the Database page says about how index work runs on this target, before any advice exists. */
export function indexMethods(target: ClinicalDatabaseTarget): { whatIf: string; build: string } {
  return target.kind === "embedded"
    ? { whatIf: "transaction what-if (PGlite has no HypoPG)", build: "plain CREATE INDEX: the embedded PGlite has one connection" }
    : { whatIf: "HypoPG hypothetical indexes (nothing built while advising)", build: "CREATE INDEX CONCURRENTLY, one build at a time" };
}

/** A fresh session on the clinical PostgreSQL; closed by `fn`'s caller through `finally`. */
export async function withClinicalSession<T>(fn: (sql: SqlClient) => Promise<T>): Promise<T> {
  const url = env().CLINICAL_DATABASE_URL;
  if (!url) throw new AppError("CONFLICT", "The clinical database is the embedded PGlite: the console reaches it only through the clinical service.");
  let sql: SqlClient;
  try {
    sql = await openSqlClient({ url, dataDir: "" });
  } catch (err) {
    throw new AppError("UNAVAILABLE", `The clinical database did not answer (${(err as Error).message}).`);
  }
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}
