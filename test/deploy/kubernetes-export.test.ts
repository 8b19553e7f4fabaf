import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import { VerticalPodAutoscaler } from "@kubernetes-models/autoscaler/autoscaling.k8s.io/v1/VerticalPodAutoscaler";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { Service } from "kubernetes-models/v1/Service";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { staleFiles } from "../../lib/tooling/generated-files";
import { defaultScalingPolicy, TARGET_METRICS, type TargetMetric } from "../../core/engines/scaling/policy";
import { kubernetesFiles } from "../../core/engines/scaling/kubernetes/export";

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler, ScaledObject, VerticalPodAutoscaler,
};

function validateAll(files: Record<string, string>): string[] {
  const kinds: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    for (const doc of parseAllDocuments(text)) {
      expect(doc.errors, path).toEqual([]);
      const obj = doc.toJS() as { kind: string };
      const Model = MODELS[obj.kind];
      if (!Model) throw new Error(`${path}: no schema for kind ${obj.kind}`);
      new Model(obj as never).validate(); // throws with the JSON-schema path on any violation
      kinds.push(`${path.replace("deploy/kubernetes/", "")}:${obj.kind}`);
    }
  }
  return kinds;
}

describe("Kubernetes exports", () => {
  it("validate against the Kubernetes, KEDA and VPA schemas", () => {
    expect(validateAll(kubernetesFiles())).toEqual([
      "console.yaml:Deployment", "console.yaml:Service", "console.yaml:PodDisruptionBudget",
      "clinical.yaml:Deployment", "clinical.yaml:Service", "clinical.yaml:PodDisruptionBudget",
      "clinical-hpa.yaml:HorizontalPodAutoscaler", "clinical-keda.yaml:ScaledObject", "clinical-vpa.yaml:VerticalPodAutoscaler",
    ]);
  });

  it("validate for every target metric and carry the policy's numbers", () => {
    for (const metric of Object.keys(TARGET_METRICS) as TargetMetric[]) {
      const policy = { ...defaultScalingPolicy("Europe/Paris"), target: { metric, value: 40 } };
      validateAll(kubernetesFiles(policy));
    }
    const files = kubernetesFiles({ ...defaultScalingPolicy("America/New_York"), minReplicas: 3, maxReplicas: 9 });
    const hpa = parseAllDocuments(files["deploy/kubernetes/clinical-hpa.yaml"]!)[0]!.toJS();
    expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 9, behavior: { scaleDown: { stabilizationWindowSeconds: 300 } } });
    const keda = parseAllDocuments(files["deploy/kubernetes/clinical-keda.yaml"]!)[0]!.toJS();
    // morning rounds every day 06-09, afternoon peak Monday-Friday 14-16, in the hospital's zone
    expect(keda.spec.triggers.slice(0, 2).map((t: { metadata: object }) => t.metadata)).toEqual([
      { timezone: "America/New_York", start: "0 6 * * 0,1,2,3,4,5,6", end: "0 9 * * 0,1,2,3,4,5,6", desiredReplicas: "4" },
      { timezone: "America/New_York", start: "0 14 * * 1,2,3,4,5", end: "0 16 * * 1,2,3,4,5", desiredReplicas: "4" },
    ]);
    expect(keda.spec.fallback).toEqual({ failureThreshold: 3, replicas: 9 });
    const vpa = parseAllDocuments(files["deploy/kubernetes/clinical-vpa.yaml"]!)[0]!.toJS();
    expect(vpa.spec.updatePolicy.updateMode).toBe("Off");
  });

  it("a broken manifest fails validation (the check is real)", () => {
    const hpa = parseAllDocuments(kubernetesFiles()["deploy/kubernetes/clinical-hpa.yaml"]!)[0]!.toJS();
    expect(() => new HorizontalPodAutoscaler({ ...hpa, spec: { ...hpa.spec, maxReplicas: "ten" } }).validate()).toThrow(/maxReplicas/);
    const keda = parseAllDocuments(kubernetesFiles()["deploy/kubernetes/clinical-keda.yaml"]!)[0]!.toJS();
    expect(() => new ScaledObject({ ...keda, spec: { ...keda.spec, triggers: "cron" } }).validate()).toThrow(/triggers/);
  });

  it("the committed files under deploy/kubernetes/ are not stale", () => {
    const root = resolve(__dirname, "../..");
    expect(staleFiles(kubernetesFiles(), root)).toEqual([]);
    expect(readFileSync(resolve(root, "deploy/kubernetes/clinical-vpa.yaml"), "utf8")).toContain("updateMode: Off");
  });
});
