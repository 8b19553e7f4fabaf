import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "../../clinical/test/auth-support";
import { fixedLimit } from "../../clinical/test/fixture";
import { fastestDb, useClinicalDb } from "../../clinical/test/support";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import { DEFAULT_POOL_SETTINGS } from "@/core/engines/pool/policy";
import { readResourceSample, resourceSample } from "@/core/metrics/resource-sample";
import { scrapeRecord } from "../../lib/metrics/scrape-record";

/** One sample's value from the exposition text, by name and labels (independent of the parser under test). */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && want.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe("resource figures of a scrape, read from a real clinical service's /metrics", () => {
  const clinical = useClinicalDb(fastestDb());
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", resources: { admission: fixedLimit(2), rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });
  });
  afterAll(async () => app?.close());

  it("stores CPU seconds, memory, heap limit, event-loop lag, admission per class and pool per class; no identifiers", async () => {
    // A burst of triage calls past the limit of 2: some are rejected (reason concurrency).
    await Promise.all(Array.from({ length: 20 }, () => app.inject({ method: "POST", url: "/fhir/Patient/p-000001/$triage" })));
    const text = (await app.inject({ method: "GET", url: "/metrics" })).body;
    const rec = scrapeRecord(text);

    expect(rec.process!.cpuSeconds).toBe(value(text, "clinical_process_cpu_seconds_total"));
    expect(rec.process!.cpuSeconds).toBeGreaterThan(0);
    expect(rec.process!.startTimeS).toBe(value(text, "clinical_process_start_time_seconds"));
    expect(rec.process!.startTimeS).toBeGreaterThan(1_700_000_000);
    expect(rec.process!.residentBytes).toBe(value(text, "clinical_process_resident_memory_bytes"));
    expect(rec.process!.heapUsedBytes).toBe(value(text, "clinical_nodejs_heap_size_used_bytes"));
    expect(rec.process!.heapLimitBytes).toBe(value(text, "clinical_heap_limit_bytes"));
    expect(rec.process!.heapLimitBytes).toBeGreaterThan(rec.process!.heapUsedBytes!);
    expect(rec.process!.eventLoopLagP99S).toBe(value(text, "clinical_nodejs_eventloop_lag_p99_seconds"));
    expect(rec.process!.eventLoopLagP99S).toBeGreaterThan(0);
    expect(rec.process!.residentBytes).toBeGreaterThan(0);

    const rejected = value(text, "clinical_admission_rejected_total", { class: "ai-inference", reason: "concurrency" })!;
    expect(rejected).toBeGreaterThan(0);
    expect(rec.admission).toMatchObject({
      limit: { "patient-data": value(text, "clinical_admission_limit", { class: "patient-data" }), "ai-inference": value(text, "clinical_admission_limit", { class: "ai-inference" }) },
      inFlight: { emergency: 0, "patient-data": 0, "clinical-data": 0, "ai-inference": 0 },
      rejected: { "ai-inference": { concurrency: rejected } },
    });
    expect(rec.admission!.limit).not.toHaveProperty("emergency"); // never limited: no series

    expect(rec.pool).toEqual({
      size: DEFAULT_POOL_SETTINGS.size,
      inUse: { emergency: 0, "patient-data": 0, "clinical-data": 0, system: 0, "ai-inference": 0 },
      reserved: Object.fromEntries(Object.entries(DEFAULT_POOL_SETTINGS.classes).map(([c, s]) => [c, s.reserved])),
    });
    // Per-process and per-class numbers only: no patient identifiers, no route ids.
    const stored = JSON.stringify({ process: rec.process, admission: rec.admission, pool: rec.pool });
    expect(stored).not.toMatch(/p-\d{6}|fhir|triage/i);
    // What is stored reads back the same.
    expect(readResourceSample(JSON.parse(stored))).toEqual({ process: rec.process, admission: rec.admission, pool: rec.pool });
  });
});

describe("reading stored resource figures", () => {
  it("parses rows stored before the fields existed, and drops malformed parts", () => {
    expect(readResourceSample({})).toEqual({});
    expect(readResourceSample({ process: null, admission: undefined, pool: "x" })).toEqual({});
    expect(readResourceSample({ process: { cpuSeconds: "3", heapUsedBytes: 10, junk: 1 }, admission: { limit: { a: 1, b: "2" }, rejected: { a: { concurrency: 3 }, b: 7 } } })).toEqual({
      process: { heapUsedBytes: 10 },
      admission: { limit: { a: 1 }, inFlight: {}, rejected: { a: { concurrency: 3 }, b: {} } },
    });
  });

  it("leaves out what a service does not export, and NaN gauges", () => {
    expect(resourceSample("clinical_http_requests_in_flight 0\n")).toEqual({});
    expect(resourceSample("clinical_nodejs_eventloop_lag_p99_seconds NaN\nclinical_process_cpu_seconds_total 1.5\n")).toEqual({ process: { cpuSeconds: 1.5 } });
  });
});
