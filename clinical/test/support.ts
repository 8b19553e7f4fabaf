import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll } from "vitest";
import { migrateClinicalDb, openClinicalDb, type ClinicalDb } from "../src/db/query";
import { createTempDatabase } from "../../test/support/postgres";
import { serviceGate, testPostgresUrl } from "../../test/support/services";

export type Kind = "pglite" | "postgres";

export function clinicalDbKinds(): Kind[] {
  const pg = serviceGate("PostgreSQL", Boolean(testPostgresUrl()), "set TEST_DATABASE_URL to run the clinical PostgreSQL variant");
  return pg ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh, migrated clinical database for the enclosing describe block. */
export function useClinicalDb(kind: Kind): { db: ClinicalDb } {
  const holder = {} as { db: ClinicalDb };
  let cleanup = async () => {};
  beforeAll(async () => {
    if (kind === "postgres") {
      const temp = await createTempDatabase(testPostgresUrl()!, "vigil_clinical_test");
      holder.db = await openClinicalDb({ url: temp.url, dataDir: "" });
      cleanup = temp.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), "vigil-clinical-"));
      holder.db = await openClinicalDb({ dataDir: dir });
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await migrateClinicalDb(holder.db);
  });
  afterAll(async () => {
    await holder.db?.close().catch(() => {}); // a test may have closed it on purpose
    await cleanup();
  });
  return holder;
}

/** A pino logger whose every line is kept, so tests can search the logs. */
export function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), text: () => lines.join("") };
}

/** PostgreSQL when the suite has one (seeding is much faster than PGlite on a loaded machine), else PGlite. */
export const fastestDb = (): Kind => clinicalDbKinds().at(-1)!;
