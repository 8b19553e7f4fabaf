import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClinicalMetrics } from "../../clinical/src/metrics/registry";
import { loopbackServer } from "@/core/engines/loadgen/test-server";
import { resetEnvForTests } from "../../lib/env";
import { sloReport } from "../../lib/services/monitoring/slo-report";
import { trafficHistory } from "../../lib/services/monitoring/traffic-history";
import { waitForHttp } from "../../scripts/wait-for-http";
import { serviceGate } from "../support/services";
import { useFreshConsoleDb } from "../support/console-db";
import { makeActor } from "../support/actors";

const hasPrometheus = spawnSync("prometheus", ["--version"]).status === 0;
const run = serviceGate("Prometheus", hasPrometheus, "install Debian's prometheus package (it provides the prometheus and promtool binaries)");

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls an instant query until Prometheus reports `expected` (its first scrape comes a few seconds after ready). */
async function untilScraped(base: string, query: string, expected: number): Promise<void> {
  const url = new URL("/api/v1/query", base);
  url.searchParams.set("query", query);
  for (let i = 0; i < 100; i++) {
    const body = (await (await fetch(url)).json()) as { data: { result: { value: [number, string] }[] } };
    if (Number(body.data.result[0]?.value[1]) === expected) return;
    await sleep(200);
  }
  throw new Error(`Prometheus never scraped ${query} = ${expected}`);
}

describe.runIf(run)("SLOs read from a real Prometheus (PROMETHEUS_URL)", { timeout: 60_000 }, () => {
  useFreshConsoleDb("pglite");
  const metrics = createClinicalMetrics();
  const dir = mkdtempSync(join(tmpdir(), "vigil-prom-"));
  let prometheus: ChildProcess;
  let closeTarget: () => Promise<void>;

  beforeAll(async () => {
    const target = await loopbackServer(async (_q, res) => res.end(await metrics.registry.metrics()));
    closeTarget = target.close;
    const config = { global: { scrape_interval: "1s" }, scrape_configs: [{ job_name: "clinical", static_configs: [{ targets: [new URL(target.url).host] }] }] };
    writeFileSync(join(dir, "prometheus.yml"), JSON.stringify(config));
    const port = await freePort();
    prometheus = spawn("prometheus", [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: "ignore" });
    await waitForHttp(`http://127.0.0.1:${port}/-/ready`, 30_000);
    process.env.PROMETHEUS_URL = `http://127.0.0.1:${port}`;
    resetEnvForTests();
    const obs = (status_code: string, n: number) => {
      for (let i = 0; i < n; i++) metrics.httpDuration.observe({ route: "/fhir/Communication", method: "POST", status_code, priority_class: "emergency", traffic: "real" }, 0.01);
    };
    // A load test (x-vigil-run → traffic="synthetic") whose patient reads all fail.
    const load = (n: number) => {
      for (let i = 0; i < n; i++) metrics.httpDuration.observe({ route: "/fhir/Patient/:id", method: "GET", status_code: "503", priority_class: "patient-data", traffic: "synthetic" }, 0.02);
    };
    // The series must exist before the traffic: rate() only counts increases between scrapes.
    obs("201", 1);
    obs("503", 1);
    load(1);
    const total = 'sum(clinical_http_request_duration_seconds_count{job="clinical"})';
    await untilScraped(process.env.PROMETHEUS_URL!, total, 3);
    // 10% of the emergency requests after the first scrape fail.
    obs("201", 900);
    obs("503", 100);
    load(500);
    await untilScraped(process.env.PROMETHEUS_URL!, total, 1503);
  }, 60_000);

  afterAll(async () => {
    prometheus?.kill("SIGTERM");
    await closeTarget?.();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.PROMETHEUS_URL;
    resetEnvForTests();
  });

  it("computes attainment and fires the emergency page alert with the rules' PromQL", async () => {
    const report = await sloReport(await makeActor("ops"));
    expect(report.error).toBeUndefined();
    expect(report.source).toMatchObject({ kind: "prometheus" });
    expect(report.source.description).toContain(process.env.PROMETHEUS_URL!);
    const emergency = report.statuses.find((s) => s.slo.id === "emergency-availability")!;
    expect(emergency.attainment).toBeCloseTo(0.9, 2);
    expect(emergency.alerts.find((a) => a.severity === "page" && a.long === "1h")).toMatchObject({ firing: true });
    expect(report.statuses.find((s) => s.slo.id === "emergency-latency")!.attainment).toBeCloseTo(1, 6);
    expect(report.statuses.find((s) => s.slo.id === "patient-data-availability")!.attainment).toBeNull();
  });

  it("leaves the load test out of the SLOs by default and counts it when asked", async () => {
    const ops = await makeActor("ops");
    const real = await sloReport(ops);
    expect(real.source.includeSynthetic).toBe(false);
    expect(real.statuses.find((s) => s.slo.id === "patient-data-availability")!.attainment).toBeNull();
    const all = await sloReport(ops, { includeSynthetic: true });
    expect(all.statuses.find((s) => s.slo.id === "patient-data-availability")!.attainment).toBeCloseTo(0, 6);
    expect(all.statuses.find((s) => s.slo.id === "emergency-availability")!.attainment).toBeCloseTo(0.9, 2);
  });

  it("charts per class and route from Prometheus, with and without the load test", async () => {
    const ops = await makeActor("ops");
    const real = await trafficHistory(ops, { range: "1h", includeSynthetic: false });
    expect(real.error).toBeUndefined();
    expect(real.source.kind).toBe("prometheus");
    expect(real.byClass.keys).toEqual(["emergency"]);
    expect(real.byRoute.keys).toEqual(["/fhir/Communication"]);
    expect(real.byClass.totals.emergency!.errorRatio).toBeCloseTo(0.1, 2);
    expect(real.byClass.totals.emergency!.p99).toBeLessThanOrEqual(0.01);
    expect(real.byClass.points.length).toBeGreaterThan(0);
    expect(real.burn.some((b) => (b.bySlo["emergency-availability"] ?? 0) > 14.4)).toBe(true);
    const all = await trafficHistory(ops, { range: "1h", includeSynthetic: true });
    expect(all.byClass.keys).toEqual(["emergency", "patient-data"]);
    expect(all.byClass.totals["patient-data"]!.errorRatio).toBeCloseTo(1, 6);
  });
});
