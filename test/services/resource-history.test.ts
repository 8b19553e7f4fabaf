import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp, fetchWithToken } from "../../clinical/test/auth-support";
import { fixedLimit } from "../../clinical/test/fixture";
import { fastestDb, useClinicalDb } from "../../clinical/test/support";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import { resetEnvForTests } from "../../lib/env";
import { scrapeClinicalOnce } from "../../lib/services/monitoring/scraper";
import { resourceHistory } from "../../lib/services/resources/resource-history";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { makeActor } from "../support/actors";

const RESERVED = { emergency: 2, "patient-data": 2, "clinical-data": 1, system: 1, "ai-inference": 0 };

describe("the Resources page's history from stored scrapes", () => {
  useFreshConsoleDb(consoleDbKinds().at(-1)!);
  const clinical = useClinicalDb(fastestDb());
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", resources: { admission: fixedLimit(2), rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });
    process.env.CLINICAL_URL = await app.listen({ port: 0, host: "127.0.0.1" });
    delete process.env.PROMETHEUS_URL;
    resetEnvForTests();
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.CLINICAL_URL;
    resetEnvForTests();
  });

  it("turns stored rows (older ones without the resource fields included) into per-step series and threshold checks", async () => {
    const prisma = await db();
    await prisma.metricScrape.deleteMany();
    const now = new Date("2026-12-01T12:00:00Z");
    const at = (s: number) => new Date(now.getTime() - s * 1000);
    const row = (s: number, data: object) => prisma.metricScrape.create({ data: { scrapedAt: at(s), data: { cache: {}, ...data } } });
    // 45 s ago: a row from before the resource fields existed.
    await row(45, { classes: { "patient-data": { total: 0, bad: 0, le: { "0.1": 0, "1": 0 } } } });
    await row(30, {
      classes: { "patient-data": { total: 100, bad: 0, le: { "0.1": 90, "1": 100 } } },
      process: { cpuSeconds: 10, startTimeS: 1, heapUsedBytes: 300, heapLimitBytes: 1000 },
      admission: { limit: { "ai-inference": 7 }, inFlight: { "ai-inference": 2 }, rejected: {} },
      pool: { size: 10, inUse: { "ai-inference": 1 }, reserved: RESERVED },
    });
    await row(15, {
      classes: { "patient-data": { total: 150, bad: 0, le: { "0.1": 140, "1": 150 } } },
      syntheticClasses: { "patient-data": { total: 50, bad: 0, le: { "0.1": 0, "1": 50 } } },
      process: { cpuSeconds: 22, startTimeS: 1, heapUsedBytes: 850, heapLimitBytes: 1000, eventLoopLagP99S: 0.012 },
      admission: { limit: { "ai-inference": 7 }, inFlight: { "ai-inference": 7 }, rejected: { "ai-inference": { concurrency: 30 } } },
      pool: { size: 10, inUse: { "ai-inference": 4 }, reserved: RESERVED },
    });
    const h = await resourceHistory(await makeActor("ops"), { range: "15m" }, now);
    expect(h.scrapes).toBe(3);
    expect(h.series.stepS).toBe(15);
    expect(h.series.points).toHaveLength(60);
    const [first, second, last] = h.series.points.slice(-3);
    // The first interval ends at the first row with the fields: gauges, but no CPU rate yet.
    expect(first).toMatchObject({ cpu: null, memory: 0.3, inFlight: { "ai-inference": 2 }, limit: { "ai-inference": 7 }, pool: { "ai-inference": 0.25 } });
    // 12 CPU seconds over 15 s; 30 rejections; AI inference holds all 4 connections it may.
    expect(second).toMatchObject({ cpu: 0.8, memory: 0.85, lagP99S: 0.012, inFlight: { "ai-inference": 7 }, rejected: { "ai-inference": { concurrency: 30, rate_limit: 0 } }, pool: { "ai-inference": 1 } });
    // p95 counts load-test traffic too: 100 requests, 50 real ≤ 0.1 s and 50 synthetic in (0.1, 1] → 0.1 + 0.9 × 45/50.
    expect(second!.p95["patient-data"]).toBeCloseTo(0.1 + 0.9 * 0.9, 12);
    // The step ending now has no scrape in it.
    expect(last).toMatchObject({ cpu: null, memory: null, inFlight: { "ai-inference": null } });
    expect(h.series.thresholds.cpu).toEqual({ value: 0.8, threshold: 0.7, within: false });
    expect(h.series.thresholds.memory.within).toBe(false);
    expect(h.series.thresholds.pool["ai-inference"]!.within).toBe(false);
    expect(h.series.thresholds.pool.emergency!.within).toBeNull(); // not in the rows: unmeasured, not "within"
    expect(h.source.prometheus).toBe(false);
  });

  it("says there is nothing to chart when no scrape is stored in the range", async () => {
    await (await db()).metricScrape.deleteMany();
    const h = await resourceHistory(await makeActor("admin"), { range: "1h" });
    expect(h.scrapes).toBe(0);
    expect(h.series).toMatchObject({ latest: null, measured: false, thresholds: { cpu: { within: null }, memory: { within: null } } });
  });

  it("charts two real scrapes of a running clinical service", async () => {
    await (await db()).metricScrape.deleteMany();
    expect(await scrapeClinicalOnce()).toBe(true);
    await Promise.all(Array.from({ length: 20 }, () => fetchWithToken(`${process.env.CLINICAL_URL}/fhir/Patient/p-000001/$triage`, { method: "POST" })));
    expect(await scrapeClinicalOnce()).toBe(true);
    const h = await resourceHistory(await makeActor("ops"), { range: "15m" });
    expect(h.scrapes).toBe(2);
    expect(h.series.measured).toBe(true);
    const latest = h.series.latest!;
    expect(latest.cpu).toBeGreaterThan(0);
    expect(latest.memory).toBeGreaterThan(0);
    expect(latest.memory).toBeLessThan(1);
    expect(latest.limit["ai-inference"]).toBeGreaterThan(0);
    expect(latest.rejected["ai-inference"]!.concurrency).toBeGreaterThan(0);
    expect(latest.pool.emergency).toBe(0);
    expect(latest.p95["ai-inference"]).not.toBeNull();
    expect(h.series.thresholds.cpu.within).not.toBeNull();
  });

  it("requires a signed-in actor", async () => {
    await expect(resourceHistory(null, { range: "1h" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
