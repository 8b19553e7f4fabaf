import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClinicalMetrics } from "../../clinical/src/metrics/registry";
import { loopbackServer } from "@/core/engines/loadgen/test-server";
import { resetEnvForTests } from "../../lib/env";
import { scrapeClinicalOnce } from "../../lib/services/monitoring/scraper";
import { sloReport } from "../../lib/services/monitoring/slo-report";
import { trafficHistory } from "../../lib/services/monitoring/traffic-history";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { makeActor } from "../support/actors";

describe.each(consoleDbKinds())("SLOs from the console's own scrapes on %s", (kind) => {
  useFreshConsoleDb(kind);
  const metrics = createClinicalMetrics();
  let close: () => Promise<void>;

  beforeAll(async () => {
    const srv = await loopbackServer(async (_req, res) => res.end(await metrics.registry.metrics()));
    close = srv.close;
    process.env.CLINICAL_URL = srv.url;
    resetEnvForTests();
  });
  afterAll(async () => {
    await close();
    delete process.env.CLINICAL_URL;
    resetEnvForTests();
  });

  it("stores per-class and per-route-template counters, real and load-test traffic apart, never identifiers", async () => {
    metrics.httpDuration.observe({ route: "/fhir/Patient/:id", method: "GET", status_code: "200", priority_class: "patient-data", traffic: "real" }, 0.01);
    metrics.httpDuration.observe({ route: "/fhir/Patient/:id", method: "GET", status_code: "503", priority_class: "patient-data", traffic: "synthetic" }, 0.01);
    expect(await scrapeClinicalOnce()).toBe(true);
    const row = await (await db()).metricScrape.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row.data).toMatchObject({
      classes: { "patient-data": { total: 1, bad: 0 } },
      syntheticClasses: { "patient-data": { total: 1, bad: 1 } },
      routes: { real: { "/fhir/Patient/:id": { total: 1 } }, synthetic: { "/fhir/Patient/:id": { total: 1, bad: 1 } } },
    });
    expect(JSON.stringify(row.data)).not.toMatch(/p-\d{6}/);
  });

  it("leaves load-test traffic out of the SLOs by default, and counts it when asked", async () => {
    const prisma = await db();
    await prisma.metricScrape.deleteMany();
    const ago = (min: number) => new Date(Date.now() - min * 60_000);
    // Real emergency traffic is healthy; a load test drove half its requests into 503s.
    const at = (min: number, real: number, synthetic: number) =>
      prisma.metricScrape.create({ data: { scrapedAt: ago(min), data: {
        classes: { emergency: { total: real, bad: 0, le: { "5": real } } },
        syntheticClasses: { emergency: { total: synthetic, bad: synthetic / 2, le: { "5": synthetic } } },
      } } });
    await at(30, 0, 0);
    await at(0, 1000, 1000);
    const ops = await makeActor("ops");
    const byDefault = await sloReport(ops);
    expect(byDefault.source.includeSynthetic).toBe(false);
    const real = byDefault.statuses.find((s) => s.slo.id === "emergency-availability")!;
    expect(real.attainment).toBe(1);
    expect(real.alerts.some((a) => a.firing)).toBe(false);
    const withLoad = await sloReport(ops, { includeSynthetic: true });
    expect(withLoad.source.includeSynthetic).toBe(true);
    const all = withLoad.statuses.find((s) => s.slo.id === "emergency-availability")!;
    expect(all.attainment).toBeCloseTo(1 - 500 / 2000, 6);
    expect(all.alerts.find((a) => a.severity === "page" && a.long === "1h")).toMatchObject({ firing: true });
  });

  it("fires the emergency page alert on an error burst, and spends its budget", async () => {
    const prisma = await db();
    await prisma.metricScrape.deleteMany();
    const ago = (min: number) => new Date(Date.now() - min * 60_000);
    const at = (min: number, total: number, bad: number) =>
      prisma.metricScrape.create({ data: { scrapedAt: ago(min), data: { classes: { emergency: { total, bad, le: { "5": total } } } } } });
    await at(120, 0, 0);
    await at(61, 1000, 0);
    await at(10, 2000, 100);
    await at(0, 3000, 200);
    const report = await sloReport(await makeActor("ops"));
    expect(report.source.kind).toBe("scrape");
    const avail = report.statuses.find((s) => s.slo.id === "emergency-availability")!;
    expect(avail.attainment).toBeCloseTo(1 - 200 / 3000, 6);
    expect(avail.budgetRemaining!).toBeLessThan(0);
    expect(avail.alerts.find((a) => a.severity === "page" && a.long === "1h")).toMatchObject({ firing: true });
    // Every emergency request finished within 5 s: the latency SLO holds and does not alert.
    const latency = report.statuses.find((s) => s.slo.id === "emergency-latency")!;
    expect(latency.attainment).toBe(1);
    expect(latency.alerts.some((a) => a.firing)).toBe(false);
    // No patient-data traffic in this history: said, not shown as 100%.
    expect(report.statuses.find((s) => s.slo.id === "patient-data-availability")!.attainment).toBeNull();
  });

  it("charts traffic per class and route from the scrapes, without load tests unless asked", async () => {
    const prisma = await db();
    await prisma.metricScrape.deleteMany();
    const ago = (min: number) => new Date(Date.now() - min * 60_000);
    const c = (total: number, bad: number, fast: number) => ({ total, bad, le: { "0.01": fast, "5": total } });
    const at = (min: number, real: number, synthetic: number) =>
      prisma.metricScrape.create({ data: { scrapedAt: ago(min), data: {
        classes: { "patient-data": c(real, 0, real) },
        syntheticClasses: { "patient-data": c(synthetic, synthetic / 2, 0) },
        routes: { real: { "/fhir/Patient/:id": c(real, 0, real) }, synthetic: { "/fhir/Patient/:id": c(synthetic, synthetic / 2, 0) } },
      } } });
    await at(20, 0, 0);
    await at(10, 600, 0);
    await at(5, 1200, 3000);
    const ops = await makeActor("ops");
    const real = await trafficHistory(ops, { range: "1h", includeSynthetic: false });
    expect(real.source.kind).toBe("scrape");
    expect(real.byClass.totals["patient-data"]).toMatchObject({ requests: 1200, errorRatio: 0 });
    expect(real.byClass.totals["patient-data"]!.p99).toBeLessThanOrEqual(0.01);
    expect(real.byRoute.totals["/fhir/Patient/:id"]!.requests).toBe(1200);
    // 600 requests in the step ending 10 min ago: 600 / 30 s.
    expect(Math.max(...real.byClass.points.map((p) => p.byKey["patient-data"]!.rps))).toBeCloseTo(600 / real.stepS, 6);
    expect(real.burn.every((b) => !b.bySlo["patient-data-availability"])).toBe(true);
    const all = await trafficHistory(ops, { range: "1h", includeSynthetic: true });
    expect(all.byClass.totals["patient-data"]).toMatchObject({ requests: 4200 });
    expect(all.byClass.totals["patient-data"]!.errorRatio).toBeCloseTo(1500 / 4200, 9);
    expect(all.byClass.totals["patient-data"]!.p99).toBeGreaterThan(0.01);
    expect(Math.max(...all.burn.map((b) => b.bySlo["patient-data-availability"] ?? 0))).toBeCloseTo((1500 / 3600) / (1 - 0.9999), 3);
  });

  it("refuses a reader without the console.view permission", async () => {
    await expect(sloReport(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
