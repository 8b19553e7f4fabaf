import { describe, expect, it } from "vitest";
import { SLO_WINDOWS } from "./burn-rate";
import { SLOS } from "./definitions";
import { ALERT_GROUP, RESOURCE_ALERT_GROUP, RECORDING_GROUP, prometheusRules, prometheusRulesYaml, type AlertingRule, type RecordingRule } from "./prometheus-rules";

describe("prometheus rules", () => {
  const file = prometheusRules();
  const recording = file.groups.find((g) => g.name === RECORDING_GROUP)!.rules as RecordingRule[];
  const alerts = file.groups.find((g) => g.name === ALERT_GROUP)!.rules as AlertingRule[];

  it("puts the recording group before the alert group, then the resource threshold alerts", () => {
    expect(file.groups.map((g) => g.name)).toEqual([RECORDING_GROUP, ALERT_GROUP, RESOURCE_ALERT_GROUP]);
  });

  it("records every SLO over every window exactly once, with slo/priority_class/kind labels", () => {
    expect(recording).toHaveLength(SLOS.length * SLO_WINDOWS.length);
    for (const slo of SLOS) {
      for (const w of SLO_WINDOWS) {
        const rules = recording.filter((r) => r.labels.slo === slo.id && r.record === `slo:sli_error:ratio_rate${w}`);
        expect(rules).toHaveLength(1);
        expect(rules[0]!.labels).toEqual({ slo: slo.id, priority_class: slo.priorityClass, kind: slo.kind });
        expect(rules[0]!.expr).toContain(`[${w}]`);
        // Every selector leaves load-test traffic out.
        const selectors = rules[0]!.expr.match(/\{[^}]*\}/g)!;
        expect(selectors.length).toBeGreaterThanOrEqual(2);
        for (const sel of selectors) expect(sel).toContain('traffic!="synthetic"');
      }
    }
  });

  it("has one page and one ticket alert per SLO", () => {
    expect(alerts).toHaveLength(SLOS.length * 2);
    for (const slo of SLOS) {
      const page = alerts.find((a) => a.labels.slo === slo.id && a.labels.severity === "page")!;
      const ticket = alerts.find((a) => a.labels.slo === slo.id && a.labels.severity === "ticket")!;
      expect(page).toMatchObject({ alert: "VigilSLOBurnRatePage", for: "2m", labels: { priority_class: slo.priorityClass } });
      expect(ticket).toMatchObject({ alert: "VigilSLOBurnRateTicket", for: "15m" });
      expect(page.annotations.summary).toContain(slo.id);
    }
    const emergencyPage = alerts.find((a) => a.labels.slo === "emergency-availability" && a.labels.severity === "page")!;
    expect(emergencyPage.expr).toBe(
      '(slo:sli_error:ratio_rate1h{slo="emergency-availability"} > (14.4 * (1 - 0.99999)) and slo:sli_error:ratio_rate5m{slo="emergency-availability"} > (14.4 * (1 - 0.99999)))' +
        ' or (slo:sli_error:ratio_rate6h{slo="emergency-availability"} > (6 * (1 - 0.99999)) and slo:sli_error:ratio_rate30m{slo="emergency-availability"} > (6 * (1 - 0.99999)))',
    );
  });

  it("serialises as a comment header plus JSON that round-trips", () => {
    const text = prometheusRulesYaml();
    expect(text.startsWith("# Generated")).toBe(true);
    expect(JSON.parse(text.slice(text.indexOf("\n") + 1))).toEqual(file);
  });
});
