import { describe, expect, it } from "vitest";
import { LATENCY_BUCKETS_S, SLOS, sloById } from "./definitions";
import { errorRatioQuery, recordedBurnRateQuery } from "./promql";

describe("SLO definitions", () => {
  it("has one availability and one latency SLO per scope with stable unique ids", () => {
    expect(SLOS.map((s) => s.id)).toEqual([
      "emergency-availability", "emergency-latency",
      "patient-data-availability", "patient-data-latency",
      "clinical-data-availability", "clinical-data-latency",
      "ai-inference-availability", "ai-inference-latency",
      "all-availability", "all-latency",
    ]);
    expect(sloById("emergency-availability").objective).toBe(0.99999);
    expect(sloById("patient-data-availability").objective).toBe(0.9999);
    expect(() => sloById("nope")).toThrow(/unknown SLO/);
  });

  it("uses histogram bucket bounds as latency thresholds", () => {
    const thresholds = Object.fromEntries(SLOS.filter((s) => s.kind === "latency").map((s) => [s.priorityClass, s.thresholdS]));
    expect(thresholds).toEqual({ emergency: 5, "patient-data": 1, "clinical-data": 0.5, "ai-inference": 3, all: 2 });
    for (const t of Object.values(thresholds)) expect(LATENCY_BUCKETS_S).toContain(t);
    for (const s of SLOS.filter((x) => x.kind === "latency")) expect(s.objective, s.id).toBe(0.99);
    const availability = Object.fromEntries(SLOS.filter((s) => s.kind === "availability").map((s) => [s.priorityClass, s.objective]));
    expect(availability).toEqual({ emergency: 0.99999, "patient-data": 0.9999, "clinical-data": 0.999, "ai-inference": 0.999, all: 0.999 });
  });

  it("builds error-ratio PromQL per scope and kind", () => {
    expect(errorRatioQuery(sloById("emergency-availability"), "1h")).toBe(
      '(sum(rate(clinical_http_request_duration_seconds_count{job="clinical",priority_class="emergency",traffic!="synthetic",status_code=~"5..|429"}[1h])) or vector(0))' +
        ' / sum(rate(clinical_http_request_duration_seconds_count{job="clinical",priority_class="emergency",traffic!="synthetic"}[1h]))',
    );
    expect(errorRatioQuery(sloById("all-latency"), "5m")).toBe(
      '1 - (sum(rate(clinical_http_request_duration_seconds_bucket{job="clinical",traffic!="synthetic",le="2"}[5m]))' +
        ' / sum(rate(clinical_http_request_duration_seconds_count{job="clinical",traffic!="synthetic"}[5m])))',
    );
    // Load-test traffic counts only when asked for.
    expect(errorRatioQuery(sloById("all-latency"), "5m", { includeSynthetic: true })).toBe(
      '1 - (sum(rate(clinical_http_request_duration_seconds_bucket{job="clinical",le="2"}[5m]))' +
        ' / sum(rate(clinical_http_request_duration_seconds_count{job="clinical"}[5m])))',
    );
    expect(recordedBurnRateQuery(sloById("clinical-data-latency"), "6h")).toBe('slo:sli_error:ratio_rate6h{slo="clinical-data-latency"} / (1 - 0.99)');
  });
});
