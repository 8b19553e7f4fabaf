import { mkdtempSync, cpSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONSOLE_MIGRATIONS_DIR, consoleDb, migrateConsoleDb } from "../../lib/db/prisma";
import { loadMigrations, migrate, MigrationError } from "@/core/db/migrator";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";

describe.each(consoleDbKinds())("console schema on %s", (kind) => {
  useFreshConsoleDb(kind);

  it("records every migration, and a second start applies nothing", async () => {
    expect(await migrateConsoleDb()).toEqual([]);
    const sql = await (await consoleDb()).sql();
    const { rows } = await sql.query<{ migration_name: string; checksum: string; finished_at: Date }>(
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    const onDisk = loadMigrations(CONSOLE_MIGRATIONS_DIR);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(onDisk.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    await sql.close();
  });

  it("refuses to start when an applied migration was edited", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-mig-"));
    cpSync(CONSOLE_MIGRATIONS_DIR, dir, { recursive: true });
    const first = loadMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, "migration.sql"), first.sql + "\n-- edited\n");
    const sql = await (await consoleDb()).sql();
    await expect(migrate(sql, loadMigrations(dir))).rejects.toThrow(MigrationError);
    await expect(migrate(sql, loadMigrations(dir))).rejects.toThrow(/was edited after it was applied/);
    await sql.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const sql = await (await consoleDb()).sql();
    const bad = { name: "29991231000000_bad", sql: "CREATE TABLE half_done (id int); SELECT no_such_fn();", checksum: "x" };
    await expect(migrate(sql, [...loadMigrations(CONSOLE_MIGRATIONS_DIR), bad])).rejects.toThrow(/rolled back/);
    const t = await sql.query("SELECT to_regclass('half_done') AS t");
    expect(t.rows[0]).toEqual({ t: null });
    const r = await sql.query("SELECT 1 FROM _prisma_migrations WHERE migration_name = $1", [bad.name]);
    expect(r.rows).toHaveLength(0);
    await sql.close();
  });

  it("exercises every model through the Prisma client", async () => {
    const prisma = await db();
    const user = await prisma.user.create({ data: { email: `u-${kind}@t`, name: "U", role: "compliance", passwordHash: "h" } });
    const session = await prisma.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 1000) } });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id }, include: { user: true } })).user.role).toBe("compliance");
    const event = await prisma.auditEvent.create({
      data: { actor: "t", action: "test.create", outcome: "success", after: { nested: { a: 1 } }, prevHash: "0", hash: `h-${kind}` },
    });
    expect(typeof event.seq).toBe("bigint");
    const run = await prisma.loadTestRun.create({ data: { scenario: "light", target: "http://127.0.0.1:4000", config: { users: 10 } } });
    expect(run.status).toBe("queued");
    const baseline = await prisma.baseline.create({ data: { scenario: "light", target: run.target, runId: run.id } });
    expect((await prisma.baseline.findUniqueOrThrow({ where: { id: baseline.id }, include: { run: true } })).run.id).toBe(run.id);
    await expect(prisma.baseline.create({ data: { scenario: "light", target: run.target, runId: run.id } })).rejects.toThrow();
    await expect(prisma.loadTestRun.delete({ where: { id: run.id } })).rejects.toThrow();
    const settings = await prisma.resourceSettingsVersion.create({ data: { version: 1, settings: { admission: { enabled: true } }, createdById: user.id } });
    expect(settings.appliedAt).toBeNull();
    await prisma.resourceSettingsVersion.update({ where: { version: 1 }, data: { appliedAt: new Date(), applyError: null } });
    expect((await prisma.resourceSettingsVersion.findFirstOrThrow({ orderBy: { version: "desc" } })).settings).toEqual({ admission: { enabled: true } });
    const pool = await prisma.poolSettingsVersion.create({ data: { version: 1, settings: { size: 10, classes: {} }, createdById: user.id } });
    expect(pool).toMatchObject({ version: 1, appliedAt: null, applyError: null });
    expect((await prisma.poolSettingsVersion.update({ where: { version: 1 }, data: { appliedAt: new Date() } })).appliedAt).toBeInstanceOf(Date);
    await expect(prisma.poolSettingsVersion.create({ data: { version: 1, settings: {} } })).rejects.toThrow();
    const policy = await prisma.scalingPolicyVersion.create({ data: { service: "clinical", version: 1, policy: { minReplicas: 2 }, reason: "initial", createdById: user.id } });
    expect(policy.createdAt).toBeInstanceOf(Date);
    await expect(prisma.scalingPolicyVersion.create({ data: { service: "clinical", version: 1, policy: {}, reason: "dup" } })).rejects.toThrow();
    const startedAt = new Date();
    await prisma.scalingSurge.create({ data: { service: "clinical", factor: 2, startedAt, expiresAt: new Date(startedAt.getTime() + 60_000), source: "manual", reason: "drill" } });
    await expect(prisma.scalingSurge.create({ data: { service: "clinical", factor: 2, startedAt, expiresAt: startedAt, source: "manual", reason: "no expiry" } })).rejects.toThrow();
    const decision = await prisma.scalingDecision.create({ data: { service: "clinical", mode: "dry-run", fromWorkers: 1, toWorkers: 2, rule: "reactive", metrics: { rps: 10 }, outcome: "dry-run" } });
    expect(typeof decision.id).toBe("bigint");
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("keeps sign-in throttle buckets", async () => {
    const prisma = await db();
    const now = new Date();
    await prisma.signInThrottle.create({ data: { key: `s:${kind}`, windowStartedAt: now, attempts: 1, nextAllowedAt: now, lastAllowed: true } });
    expect(await prisma.signInThrottle.findUniqueOrThrow({ where: { key: `s:${kind}` } })).toMatchObject({ attempts: 1, throttled: 0, throttledPrevious: 0 });
  });

  it("keeps an optimize session with its ordered steps, and refuses unknown statuses", async () => {
    const prisma = await db();
    const s = await prisma.optimizeSession.create({
      data: { scenario: "light", target: "http://127.0.0.1:4000", durationS: 70, steps: { create: [{ position: 0, kind: "baseline", status: "running" }, { position: 1, kind: "insight" }] } },
    });
    const read = await prisma.optimizeSession.findUniqueOrThrow({ where: { id: s.id }, include: { steps: { orderBy: { position: "asc" } } } });
    expect(read.status).toBe("running");
    expect(read.steps.map((x) => [x.kind, x.status])).toEqual([["baseline", "running"], ["insight", "pending"]]);
    await expect(prisma.optimizeStep.create({ data: { sessionId: s.id, position: 1, kind: "advice" } })).rejects.toThrow();
    await expect(prisma.optimizeSession.update({ where: { id: s.id }, data: { status: "nearly" } })).rejects.toThrow();
    await prisma.optimizeSession.update({ where: { id: s.id }, data: { status: "done", result: { verdict: "improvement" }, finishedAt: new Date() } });
    await prisma.optimizeSession.delete({ where: { id: s.id } });
    expect(await prisma.optimizeStep.count({ where: { sessionId: s.id } })).toBe(0);
  });

  it("keeps advice runs, their suggestions and applied indexes (index advisor)", async () => {
    const prisma = await db();
    const run = await prisma.indexAdviceRun.create({ data: { method: "hypopg", minCalls: 10, analyzed: 3, windowHours: 1.5 } });
    const suggestion = await prisma.indexSuggestion.create({
      data: {
        runId: run.id, rank: 1, schemaName: "public", tableName: "t", indexName: "t_a_idx", columns: [{ name: "a", desc: true }], predicate: [],
        ddl: "CREATE INDEX CONCURRENTLY t_a_idx ON public.t (a DESC)", queries: [{ query: "SELECT 1 FROM t WHERE a = $1" }],
        costBefore: 100, costAfter: 4, estimatedSavedMsPerHour: 12.5, activity: { writeHeavy: false }, tableFingerprint: "fp",
      },
    });
    const applied = await prisma.appliedIndex.create({
      data: { suggestionId: suggestion.id, schemaName: "public", tableName: "t", indexName: "t_a_idx", ddl: suggestion.ddl, method: "hypopg", reason: "slow lookups", before: { costBefore: 100 } },
    });
    expect(applied.status).toBe("building");
    const loaded = await prisma.indexAdviceRun.findUniqueOrThrow({ where: { id: run.id }, include: { suggestions: { include: { applied: true } } } });
    expect(loaded.suggestions[0]!.applied[0]!.id).toBe(applied.id);
    await prisma.appliedIndex.update({ where: { id: applied.id }, data: { status: "rolled_back", rolledBackAt: new Date(), rollbackReason: "writes slowed" } });
    await prisma.indexAdviceRun.delete({ where: { id: run.id } });
    expect((await prisma.appliedIndex.findUniqueOrThrow({ where: { id: applied.id } })).suggestionId).toBeNull();
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the audit table", async () => {
    const sql = await (await consoleDb()).sql();
    await sql.query("INSERT INTO audit_events (actor, action, outcome, prev_hash, hash) VALUES ('t','x.y','success','0',$1)", [`imm-${kind}`]);
    await expect(sql.query("UPDATE audit_events SET actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(sql.query("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    await expect(sql.query("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    await sql.close();
  });
});
