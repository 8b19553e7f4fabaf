import { describe, expect, it } from "vitest";
import { SLOS } from "./definitions";
import { DASHBOARD_UID, grafanaDashboard } from "./grafana-dashboard";

interface Panel {
  id: number;
  type: string;
  title: string;
  description: string;
  gridPos: { h: number; w: number; x: number; y: number };
  targets: Array<{ refId: string; expr: string }>;
}

describe("grafana dashboard", () => {
  const dash = grafanaDashboard();
  const panels = dash.panels as Panel[];

  it("is stable: same uid, schema and output on every build", () => {
    expect(dash).toMatchObject({ uid: DASHBOARD_UID, schemaVersion: 39, title: "Vigil — clinical service" });
    expect(DASHBOARD_UID).toBe("vigil-clinical-slo");
    expect(JSON.stringify(grafanaDashboard())).toBe(JSON.stringify(dash));
    expect(panels.map((p) => [p.id, p.title])).toEqual([
      [1, "Request throughput by priority class"],
      [2, "Latency p50 / p95 / p99 by priority class"],
      [3, "Error ratio by priority class"],
      [4, "Requests in flight"],
      [5, "Cache hit ratio"],
      [6, "DB query p95 by query"],
      [7, "SLO error ratio (1h)"],
      [8, "SLO burn rate (1h)"],
    ]);
  });

  it("has a prometheus datasource variable used by every panel", () => {
    expect((dash.templating as { list: unknown[] }).list).toContainEqual(expect.objectContaining({ name: "datasource", type: "datasource", query: "prometheus" }));
    for (const p of panels) expect(JSON.stringify(p)).toContain("${datasource}");
  });

  it("has unique panel ids, unique refIds per panel, allowed types and non-overlapping grid slots", () => {
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    const cells = new Set<string>();
    for (const p of panels) {
      expect(["timeseries", "stat", "gauge"]).toContain(p.type);
      expect(new Set(p.targets.map((t) => t.refId)).size).toBe(p.targets.length);
      expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
      for (let dx = 0; dx < p.gridPos.w; dx++) for (let dy = 0; dy < p.gridPos.h; dy++) {
        const cell = `${p.gridPos.x + dx},${p.gridPos.y + dy}`;
        expect(cells.has(cell)).toBe(false);
        cells.add(cell);
      }
    }
  });

  it("leaves load-test traffic out of request panels by default, switchable with a variable", () => {
    const variable = (dash.templating as { list: Array<{ name: string; current?: { value?: string } }> }).list.find((v) => v.name === "exclude_traffic");
    expect(variable?.current?.value).toBe("synthetic");
    const requestExprs = panels.flatMap((p) => p.targets.map((t) => t.expr)).filter((e) => e.includes("clinical_http_request_duration_seconds"));
    expect(requestExprs.length).toBeGreaterThanOrEqual(3);
    for (const e of requestExprs) expect(e).toContain('traffic!="$exclude_traffic"');
  });

  it("covers the required views, with one burn-rate query per SLO", () => {
    const exprs = panels.flatMap((p) => p.targets.map((t) => t.expr)).join("\n");
    for (const needle of ["histogram_quantile(0.99", "clinical_http_requests_in_flight", "clinical_db_query_duration_seconds_bucket", "clinical_cache_hits_total", "slo:sli_error:ratio_rate1h"]) {
      expect(exprs).toContain(needle);
    }
    const burn = panels.find((p) => p.title.startsWith("SLO burn rate"))!;
    expect(burn.targets).toHaveLength(SLOS.length);
    expect(panels.find((p) => p.title === "Cache hit ratio")!.description).toMatch(/later/);
  });
});
