import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp, fetchWithToken } from "../../clinical/test/auth-support";
import { fixedLimit } from "../../clinical/test/fixture";
import { fastestDb, useClinicalDb } from "../../clinical/test/support";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import { DEFAULT_PRICES } from "@/core/engines/cost/prices";
import { resetEnvForTests } from "../../lib/env";
import { scrapeClinicalOnce } from "../../lib/services/monitoring/scraper";
import { currentPriceTable, updatePriceTable } from "../../lib/services/resources/price-table";
import { resourceCost } from "../../lib/services/resources/resource-cost";
import { simulationReport } from "../../lib/services/scaling/simulation-report";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const REASON = "Our cloud contract changed the vCPU price this quarter.";

describe("the price table and the cost per 1,000 requests", () => {
  useFreshConsoleDb(consoleDbKinds().at(-1)!);
  const clinical = useClinicalDb(fastestDb());
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", resources: { admission: fixedLimit(8), rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    process.env.CLINICAL_URL = url;
    delete process.env.PROMETHEUS_URL;
    resetEnvForTests();
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.CLINICAL_URL;
    resetEnvForTests();
  });

  it("starts from the stated defaults, saves a version audited with the previous table and the reason", async () => {
    expect(await currentPriceTable()).toEqual({ version: 0, prices: DEFAULT_PRICES, savedAt: null });
    const admin = await makeActor("admin");
    const saved = await updatePriceTable(admin, { vcpuHour: "0.08", gibHour: "0.01", replicaHour: "0.1", reason: REASON });
    expect(saved).toMatchObject({ version: 1, prices: { vcpuHour: 0.08, gibHour: 0.01, replicaHour: 0.1 } });
    expect(Date.parse(saved.savedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const [event] = await auditEventsFor({ action: "resources.prices.update", actor: admin.email });
    expect(event).toMatchObject({ outcome: "success", target: "price-table:v1" });
    expect(event!.before).toEqual({ version: 0, prices: DEFAULT_PRICES });
    expect(event!.after).toEqual({ version: 1, prices: { vcpuHour: 0.08, gibHour: 0.01, replicaHour: 0.1 }, reason: REASON });

    const second = await updatePriceTable(admin, { vcpuHour: "0.05", gibHour: "0.01", replicaHour: "0.07", reason: REASON });
    expect(second.version).toBe(2);
    const events = await auditEventsFor({ action: "resources.prices.update", actor: admin.email });
    expect(events[1]!.before).toEqual({ version: 1, prices: { vcpuHour: 0.08, gibHour: 0.01, replicaHour: 0.1 } });
  });

  it("refuses ops (audited), and bad or missing values and reasons with the field named, saving nothing", async () => {
    const before = await currentPriceTable();
    const ops = await makeActor("ops");
    await expect(updatePriceTable(ops, { vcpuHour: "1", gibHour: "1", replicaHour: "1", reason: REASON })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await auditEventsFor({ action: "access.denied", actor: ops.email })).toHaveLength(1);
    const admin = await makeActor("admin");
    await expect(updatePriceTable(admin, { vcpuHour: "-1", gibHour: "", replicaHour: "5000", reason: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { vcpuHour: [expect.stringMatching(/negative/)], gibHour: [expect.any(String)], replicaHour: [expect.stringMatching(/at most/)], reason: [expect.any(String)] },
    });
    expect((await currentPriceTable()).version).toBe(before.version);
  });

  it("estimates cost per 1,000 requests per class from two real scrapes, priced with the saved table", async () => {
    const prisma = await db();
    await prisma.metricScrape.deleteMany();
    const admin = await makeActor("admin");
    const table = await updatePriceTable(admin, { vcpuHour: "3.6", gibHour: "0", replicaHour: "0.25", reason: REASON });
    await scrapeClinicalOnce();
    for (let i = 0; i < 40; i++) await fetchWithToken(`${url}/fhir/Patient?_count=5`).then((r) => r.arrayBuffer());
    await new Promise((r) => setTimeout(r, 50));
    await scrapeClinicalOnce();

    const cost = await resourceCost(admin, { range: "15m" });
    expect(cost.priceTable.version).toBe(table.version);
    const e = cost.estimate;
    expect(e.intervals).toBe(1);
    expect(e.cpuSeconds).toBeGreaterThan(0);
    const pd = e.classes.find((c) => c.cls === "patient-data")!;
    expect(pd.requests).toBe(40);
    // No other class was asked anything, so patient data carries all the interval's CPU.
    expect(pd.share).toBeCloseTo(1, 9);
    expect(pd.cpuSeconds).toBeCloseTo(e.cpuSeconds, 9);
    expect(pd.costUsd).toBeCloseTo((e.cpuSeconds / 3600) * 3.6, 9);
    expect(pd.per1kUsd).toBeCloseTo((pd.costUsd / 40) * 1000, 9);
    expect(e.classes.find((c) => c.cls === "emergency")).toMatchObject({ requests: 0, per1kUsd: null });

    const ops = await makeActor("ops");
    await expect(resourceCost(ops, { range: "15m" })).resolves.toMatchObject({ range: "15m" });
    await expect(resourceCost(null, { range: "15m" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("prices the Scaling simulator's replica-hours with the same table", async () => {
    const table = await currentPriceTable();
    const r = await simulationReport();
    expect(r.prices.version).toBe(table.version);
    expect(r.params.pricePerReplicaHour).toBe(table.prices.replicaHour);
    for (const row of r.rows) expect(row.cost).toBeCloseTo(row.replicaHours * table.prices.replicaHour, 9);
  }, 120_000);
});
