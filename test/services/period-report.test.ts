import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordAuditEvent, type AuditInput } from "../../lib/audit/record-event";
import { generatePeriodReport } from "../../lib/services/reports/generate-period-report";
import { downloadPeriodReport } from "../../lib/services/reports/download-period-report";
import { auditEventsFor, makeActor } from "../support/actors";
import { db, useFreshConsoleDb } from "../support/console-db";
import { useAuditAnchorDir } from "../support/audit-anchors";

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
const PERIOD = { from: "2026-01-10", to: "2026-01-12" };

/** Records an audit event as if it happened at `at` (the chain appends in call order). */
async function eventAt(at: string, input: AuditInput) {
  vi.setSystemTime(new Date(at));
  const prisma = await db();
  await prisma.$transaction((tx) => recordAuditEvent(tx, input));
}

async function scrapeAt(at: string, total: number, bad: number, within5s: number) {
  const prisma = await db();
  await prisma.metricScrape.create({ data: { scrapedAt: new Date(at), data: { cache: {}, classes: { emergency: { total, bad, le: { "2": within5s, "5": within5s } } } } } });
}

describe("the compliance period report (PostgreSQL)", () => {
  useFreshConsoleDb("postgres");
  useAuditAnchorDir();
  afterEach(() => vi.useRealTimers());

  it("reports exactly the period's SLO figures, changes, refusals, sign-in failures, break-glass uses and chain", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const admin = { actorId: null, actor: "admin@t", actorRole: "admin" } as const;
    await eventAt("2026-01-09T12:00:00Z", { ...admin, action: "user.create", target: "x@t", outcome: "success", after: { reason: "before the period" } });
    await eventAt("2026-01-10T08:00:00Z", { ...admin, action: "cache.policy.update", target: "clinical-data", outcome: "success", before: { ttlS: 60 }, after: { ttlS: 30, reason: "lower staleness" } });
    await eventAt("2026-01-10T08:05:00Z", { ...admin, action: "cache.view", outcome: "success" });
    for (const [ip, outcome] of [["10.0.0.1", "failure"], ["10.0.0.1", "failure"], ["10.0.0.1", "throttled"], ["10.0.0.2", "failure"], ["10.0.0.3", "success"]] as const) {
      await eventAt("2026-01-10T09:00:00Z", { actor: "who@t", action: "auth.sign_in", sourceIp: ip, outcome });
    }
    await eventAt("2026-01-10T10:00:00Z", { actor: "ops@t", actorRole: "ops", action: "access.denied", target: "index.apply", sourceIp: "10.0.0.4", outcome: "denied", after: { attempted: "index.apply" } });
    await eventAt("2026-01-11T10:00:00Z", { actor: "ops@t", actorRole: "ops", action: "breakglass.start", outcome: "success", after: { reason: "pager: emergency latency" } });
    await eventAt("2026-01-12T00:00:00Z", { actor: "ops@t", actorRole: "ops", action: "access.denied", outcome: "denied", after: { attempted: "x" } }); // the end is excluded
    await eventAt("2026-01-13T00:00:00Z", { actor: "who@t", action: "auth.sign_in", sourceIp: "10.0.0.1", outcome: "failure" });
    vi.useRealTimers();
    await scrapeAt("2026-01-09T23:59:00Z", 100, 0, 100); // baseline before the period
    await scrapeAt("2026-01-10T06:00:00Z", 1100, 1, 1098);
    await scrapeAt("2026-01-11T06:00:00Z", 2100, 1, 2096);
    await scrapeAt("2026-01-13T06:00:00Z", 5100, 50, 5000); // after the period: not counted

    const compliance = await makeActor("compliance");
    const r = await generatePeriodReport(compliance, PERIOD);
    expect(r.period).toEqual({ from: "2026-01-10T00:00:00.000Z", to: "2026-01-12T00:00:00.000Z" });
    expect(r.slo).toMatchObject({ scrapes: 2, measured: true, daily: [{ day: "2026-01-10", total: 1000, bad: 1 }, { day: "2026-01-11", total: 1000, bad: 0 }] });
    const row = (id: string) => r.slo.rows.find((x) => x.sloId === id)!;
    expect(row("emergency-availability")).toMatchObject({ total: 2000, bad: 1, attainment: 0.9995 });
    expect(row("emergency-availability").budgetRemaining).toBeCloseTo(-49, 6); // allowed 0.02 bad requests
    expect(row("emergency-latency")).toMatchObject({ total: 2000, bad: 4, attainment: 0.998 });
    expect(row("emergency-latency").budgetRemaining).toBeCloseTo(0.8, 9);
    expect(row("all-availability").budgetRemaining).toBeCloseTo(0.5, 9);
    expect(row("all-latency")).toMatchObject({ total: 2000, bad: 4 });
    expect(row("patient-data-availability")).toMatchObject({ total: 0, attainment: null, budgetRemaining: null });
    // Scrapes a day apart: no rule's short window shows a burn at its factor, so nothing fired.
    expect(r.alerts).toMatchObject({ measured: true, rows: [] });
    expect(r.slo).toMatchObject({ firstScrape: "2026-01-10T06:00:00.000Z", lastScrape: "2026-01-11T06:00:00.000Z" });

    expect(r.auditEvents).toBe(9);
    expect(r.changes).toEqual([expect.objectContaining({ actor: "admin@t", action: "cache.policy.update", reason: "lower staleness", before: '{"ttlS":60}', after: '{"ttlS":30,"reason":"lower staleness"}', at: "2026-01-10T08:00:00.000Z" })]);
    expect(r.refusals).toEqual([expect.objectContaining({ actor: "ops@t", attempted: "index.apply", sourceIp: "10.0.0.4" })]);
    expect(r.signInFailures).toEqual([
      { sourceIp: "10.0.0.1", failures: 2, throttled: 1, first: "2026-01-10T09:00:00.000Z", last: "2026-01-10T09:00:00.000Z" },
      { sourceIp: "10.0.0.2", failures: 1, throttled: 0, first: "2026-01-10T09:00:00.000Z", last: "2026-01-10T09:00:00.000Z" },
    ]);
    expect(r.breakGlass).toEqual([expect.objectContaining({ action: "breakglass.start", reason: "pager: emergency latency" })]);
    expect(r.chain).toMatchObject({ ok: true, firstBroken: null, lastCheckpoint: null });
    expect(r.chain.checked).toBe(await (await db()).auditEvent.count({ where: { seq: { lte: BigInt(r.through) } } }));
    expect((await auditEventsFor({ action: "report.generate" })).at(-1)).toMatchObject({ actor: compliance.email, outcome: "success" });

    // Downloads: each file's hash is the SHA-256 of its bytes, and the manifest lists the same hashes.
    const pinned = { ...PERIOD, through: r.through, asOf: r.asOf };
    const fakePdf = async () => Buffer.from(`%PDF-1.4 test ${r.through}`);
    const csv = await downloadPeriodReport(compliance, { ...pinned, file: "csv" }, fakePdf);
    expect(csv.sha256).toBe(sha(csv.body));
    const text = csv.body.toString("utf8");
    expect(text).toContain("slo,emergency-availability,emergency,availability,0.99999,2000,1,0.999500,-49.0000\r\n");
    expect(text).toContain("sign_in_failure,10.0.0.1,2,1,");
    expect(text).toContain("slo,patient-data-availability,patient-data,availability,0.9999,0,0,,\r\n");
    expect(text.match(/^change,/gm)).toHaveLength(1);
    const manifest = await downloadPeriodReport(compliance, { ...pinned, file: "manifest" }, fakePdf);
    expect(manifest.sha256).toBe(sha(manifest.body));
    const m = JSON.parse(manifest.body.toString("utf8"));
    expect(m).toMatchObject({ period: r.period, through: r.through, asOf: r.asOf });
    expect(m.files).toEqual([
      { name: "period-report-2026-01-10-2026-01-12.csv", bytes: csv.body.length, sha256: sha(csv.body) },
      { name: "period-report-2026-01-10-2026-01-12.pdf", bytes: (await fakePdf()).length, sha256: sha(await fakePdf()) },
    ]);
    const downloads = await auditEventsFor({ action: "report.download" });
    expect(downloads.map((d) => d.target)).toEqual(["period-report-2026-01-10-2026-01-12.csv", "period-report-2026-01-10-2026-01-12.manifest.json"]);
    expect((downloads[0]!.after as { sha256: string }).sha256).toBe(csv.sha256);
  });

  it("lists the burn-rate alert an outage in the stored scrapes fires, with when it resolved", async () => {
    // Emergency traffic scraped every minute from 2026-02-01 00:00; 10 % failing in minutes 61–70.
    const t0 = Date.parse("2026-02-01T00:00:00Z");
    let total = 0, bad = 0;
    const data = [];
    for (let m = 0; m <= 120; m++) {
      if (m > 0) { total += 1000; bad += m > 60 && m <= 70 ? 100 : 0; }
      data.push({ scrapedAt: new Date(t0 + m * 60_000), data: { cache: {}, classes: { emergency: { total, bad, le: { "2": total, "5": total } } } } });
    }
    await (await db()).metricScrape.createMany({ data });
    const r = await generatePeriodReport(await makeActor("compliance"), { from: "2026-02-01", to: "2026-02-02" });
    const page = r.alerts.rows.filter((a) => a.sloId === "emergency-availability" && a.rule === "1h/5m ≥ 14.4×");
    expect(page).toEqual([{ sloId: "emergency-availability", severity: "page", rule: "1h/5m ≥ 14.4×", firedAt: "2026-02-01T01:03:00.000Z", resolvedAt: "2026-02-01T01:15:00.000Z" }]);
    expect(r.alerts.rows.every((a) => a.sloId.startsWith("emergency-availability") || a.sloId.startsWith("all-availability"))).toBe(true);
  });

  it("gives an honest empty report for a period with no data", async () => {
    const r = await generatePeriodReport(await makeActor("admin"), { from: "2025-03-01", to: "2025-04-01" });
    expect(r.slo).toMatchObject({ scrapes: 0, measured: false, daily: [], firstScrape: null });
    expect(r.alerts).toMatchObject({ measured: false, rows: [] });
    expect(r.slo.rows.every((x) => x.total === 0 && x.attainment === null)).toBe(true);
    expect(r).toMatchObject({ auditEvents: 0, changes: [], refusals: [], signInFailures: [], breakGlass: [] });
    expect(r.chain.ok).toBe(true);
  });

  it("refuses ops (audited) and bad periods", async () => {
    const ops = await makeActor("ops");
    await expect(generatePeriodReport(ops, PERIOD)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await auditEventsFor({ action: "access.denied", actor: ops.email })).at(-1)!.after).toMatchObject({ attempted: "report.generate", permission: "compliance.report" });
    await expect(downloadPeriodReport(ops, { ...PERIOD, file: "csv" }, async () => Buffer.alloc(0))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await auditEventsFor({ action: "access.denied", actor: ops.email })).at(-1)!.after).toMatchObject({ attempted: "report.download" });
    const compliance = await makeActor("compliance");
    await expect(generatePeriodReport(compliance, { from: "2026-01-12", to: "2026-01-10" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { to: [expect.any(String)] } });
    await expect(generatePeriodReport(compliance, { from: "2024-01-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { to: ["a period is at most 400 days"] } });
    await expect(generatePeriodReport(compliance, { from: "soon", to: "2026-01-01" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { from: [expect.any(String)] } });
    await expect(downloadPeriodReport(compliance, { ...PERIOD, file: "exe" }, async () => Buffer.alloc(0))).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
