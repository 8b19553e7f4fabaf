import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/prisma";
import { resetEnvForTests } from "../../lib/env";
import { initialSteps } from "../../lib/services/database/optimize/steps";
import { recoverInterruptedWork } from "../../lib/services/database/recovery/recover-interrupted";
import { auditEventsFor } from "../support/actors";
import { useFreshConsoleDb } from "../support/console-db";
import { createTempDatabase } from "../support/postgres";
import { serviceGate, testPostgresUrl } from "../support/services";

const base = testPostgresUrl();
const enabled = serviceGate("PostgreSQL", Boolean(base), "set TEST_DATABASE_URL to run the restart-recovery suite");

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

describe.runIf(enabled)("console start-up recovers database work a stopped console left running", { timeout: 60_000 }, () => {
  useFreshConsoleDb("pglite");
  let clinical: Awaited<ReturnType<typeof createTempDatabase>>;

  beforeAll(async () => {
    clinical = await createTempDatabase(base!, "vigil_recovery_test");
    await sql(clinical.url, "CREATE TABLE items (id int PRIMARY KEY, code text, qty int); INSERT INTO items SELECT g, 'c' || (g % 3), g FROM generate_series(1, 100) g");
    await sql(clinical.url, "CREATE INDEX items_qty_idx ON items (qty)"); // finished before the console died
    // An interrupted CONCURRENTLY build leaves an INVALID index: a failing unique build does the same.
    await sql(clinical.url, "CREATE UNIQUE INDEX CONCURRENTLY items_code_idx ON items (code)").catch(() => {});
    expect(await sql(clinical.url, "SELECT c.relname, x.indisvalid FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname = 'items_code_idx'")).toEqual([{ relname: "items_code_idx", indisvalid: false }]);
    process.env.CLINICAL_DATABASE_URL = clinical.url;
    resetEnvForTests();
  });
  afterAll(async () => {
    delete process.env.CLINICAL_DATABASE_URL;
    resetEnvForTests();
    await clinical?.drop();
  });

  it("fails in-process Optimize phases, keeps one awaiting a person, and settles each interrupted build against the database", async () => {
    const prisma = await db();
    const session = (status: string) => prisma.optimizeSession.create({ data: { scenario: "light", target: "http://127.0.0.1:4000", durationS: 30, status, steps: { create: initialSteps() } } });
    const running = await session("running");
    await prisma.optimizeStep.updateMany({ where: { sessionId: running.id, position: 0 }, data: { status: "running" } });
    const applying = await session("applying");
    const waiting = await session("awaiting-confirmation");
    const build = (indexName: string) => prisma.appliedIndex.create({ data: { schemaName: "public", tableName: "items", indexName, ddl: `CREATE INDEX CONCURRENTLY ${indexName} ON public.items (...)`, method: "hypopg", reason: "test", before: {} } });
    const [invalid, finished, vanished] = [await build("items_code_idx"), await build("items_qty_idx"), await build("items_gone_idx")];

    const report = await recoverInterruptedWork(new Date("2026-12-02T12:00:00Z"));
    expect(report.sessions).toBe(2);
    expect(Object.fromEntries(report.builds.map((b) => [b.indexName, b.outcome]))).toEqual({ items_code_idx: "invalid-dropped", items_qty_idx: "valid", items_gone_idx: "absent" });

    const after = async (id: string) => prisma.optimizeSession.findUniqueOrThrow({ where: { id }, include: { steps: { orderBy: { position: "asc" } } } });
    const failed = await after(running.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("the console stopped while this step ran");
    expect(failed.steps[0]).toMatchObject({ kind: "baseline", status: "failed" });
    expect(failed.steps.slice(1).every((s) => s.status === "skipped")).toBe(true);
    expect((await after(applying.id)).status).toBe("failed");
    expect((await after(waiting.id)).status).toBe("awaiting-confirmation");

    const row = (id: string) => prisma.appliedIndex.findUniqueOrThrow({ where: { id } });
    expect(await row(invalid.id)).toMatchObject({ status: "failed", error: expect.stringContaining("invalid index was dropped") });
    expect(await row(finished.id)).toMatchObject({ status: "valid", error: null });
    expect(await row(vanished.id)).toMatchObject({ status: "failed", error: expect.stringContaining("no index was left") });
    expect(await sql(clinical.url, "SELECT relname FROM pg_class WHERE relname IN ('items_code_idx', 'items_qty_idx') ORDER BY 1")).toEqual([{ relname: "items_qty_idx" }]);
    const audit = await auditEventsFor({ action: "index.recover" });
    expect(audit.map((e) => e.target).sort()).toEqual(["items_code_idx", "items_gone_idx", "items_qty_idx"]);

    // A second start finds nothing left to recover.
    expect(await recoverInterruptedWork()).toEqual({ sessions: 0, builds: [] });
  });
});
