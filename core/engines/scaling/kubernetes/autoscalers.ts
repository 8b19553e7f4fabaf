import type { ScalingPolicy, Schedule } from "../policy";
import { NAMESPACE, WORKLOADS } from "./workloads";

const target = WORKLOADS.clinical;
const scaleTargetRef = { apiVersion: "apps/v1", kind: "Deployment", name: target.name };
/** In-cluster Prometheus the KEDA trigger queries (kube-prometheus-stack's default service). */
export const PROMETHEUS_SERVER = "http://prometheus-operated.monitoring.svc:9090";

/** The policy's behaviour windows in autoscaling/v2 form. */
function behavior(p: ScalingPolicy) {
  const { scaleUp, scaleDown } = p.behavior;
  return {
    scaleUp: {
      stabilizationWindowSeconds: scaleUp.stabilizationSeconds,
      selectPolicy: "Max",
      policies: [
        { type: "Percent", value: scaleUp.percentPerPeriod, periodSeconds: scaleUp.periodSeconds },
        { type: "Pods", value: scaleUp.podsPerPeriod, periodSeconds: scaleUp.periodSeconds },
      ],
    },
    scaleDown: { stabilizationWindowSeconds: scaleDown.stabilizationSeconds, policies: [{ type: "Percent", value: scaleDown.percentPerPeriod, periodSeconds: scaleDown.periodSeconds }] },
  };
}

/**
 * The HPA metric for each target. CPU is a resource metric; the others are the clinical service's
 * own Prometheus series, served to the HPA by prometheus-adapter under these names.
 */
function hpaMetric(p: ScalingPolicy) {
  const v = p.target.value;
  switch (p.target.metric) {
    case "cpu":
      return { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: Math.round(v) } } };
    case "rps":
      return { type: "Pods", pods: { metric: { name: "clinical_http_requests_per_second" }, target: { type: "AverageValue", averageValue: String(v) } } };
    case "in-flight":
      return { type: "Pods", pods: { metric: { name: "clinical_http_requests_in_flight" }, target: { type: "AverageValue", averageValue: String(v) } } };
    case "p95-latency":
      return { type: "External", external: { metric: { name: "clinical_http_p95_latency_ms" }, target: { type: "Value", value: String(v) } } };
  }
}

export function horizontalPodAutoscaler(p: ScalingPolicy) {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: target.name, namespace: NAMESPACE },
    spec: { scaleTargetRef, minReplicas: p.minReplicas, maxReplicas: p.maxReplicas, metrics: [hpaMetric(p)], behavior: behavior(p) },
  };
}

/** Policy days (0 = Monday) → cron day-of-week (0 = Sunday). */
const cronDays = (days: number[]) => [...days].map((d) => (d + 1) % 7).sort((a, b) => a - b).join(",");
function cronAt(hhmm: string, days: number[]): string {
  if (hhmm === "24:00") return `59 23 * * ${cronDays(days)}`;
  return `${Number(hhmm.slice(3))} ${Number(hhmm.slice(0, 2))} * * ${cronDays(days)}`;
}

export function cronTrigger(s: Schedule, timeZone: string) {
  return { type: "cron", name: s.name, metadata: { timezone: timeZone, start: cronAt(s.start, s.days), end: cronAt(s.end, s.days), desiredReplicas: String(s.minReplicas) } };
}

/** The policy's target as a PromQL query and threshold for KEDA's prometheus scaler. */
function prometheusTrigger(p: ScalingPolicy) {
  const v = p.target.value;
  const q: Record<ScalingPolicy["target"]["metric"], { query: string; threshold: number; metricType: "AverageValue" | "Value" }> = {
    // cores per replica at the target utilization of the 1-CPU request
    cpu: { query: `sum(rate(container_cpu_usage_seconds_total{namespace="${NAMESPACE}",container="clinical"}[1m]))`, threshold: (v / 100) * 1, metricType: "AverageValue" },
    rps: { query: "sum(rate(clinical_http_request_duration_seconds_count[1m]))", threshold: v, metricType: "AverageValue" },
    "in-flight": { query: "sum(clinical_http_requests_in_flight)", threshold: v, metricType: "AverageValue" },
    "p95-latency": { query: "1000 * histogram_quantile(0.95, sum by (le) (rate(clinical_http_request_duration_seconds_bucket[1m])))", threshold: v, metricType: "Value" },
  };
  const t = q[p.target.metric];
  return { type: "prometheus", name: `target-${p.target.metric}`, metricType: t.metricType, metadata: { serverAddress: PROMETHEUS_SERVER, query: t.query, threshold: String(t.threshold) } };
}

/**
 * KEDA ScaledObject: cron triggers from the schedules, the prometheus trigger from the target, and
 * a fallback to maxReplicas after 3 failed metric reads (a clinical service errs towards capacity).
 * KEDA supports fallback for AverageValue triggers only, so a p95-latency policy has none.
 */
export function scaledObject(p: ScalingPolicy) {
  const prom = prometheusTrigger(p);
  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "ScaledObject",
    metadata: { name: target.name, namespace: NAMESPACE },
    spec: {
      scaleTargetRef: { name: target.name },
      pollingInterval: 30,
      // Only used when scaling to zero, which minReplicaCount ≥ 1 never allows.
      cooldownPeriod: 300,
      minReplicaCount: p.minReplicas,
      maxReplicaCount: p.maxReplicas,
      ...(prom.metricType === "AverageValue" ? { fallback: { failureThreshold: 3, replicas: p.maxReplicas } } : {}),
      advanced: { horizontalPodAutoscalerConfig: { name: `${target.name}-keda`, behavior: behavior(p) } },
      triggers: [...p.schedules.map((s) => cronTrigger(s, p.timeZone)), prom],
    },
  };
}

/** VPA as a recommender only ("Off"): it must not resize pods an HPA scales on CPU. */
export function verticalPodAutoscaler() {
  return {
    apiVersion: "autoscaling.k8s.io/v1",
    kind: "VerticalPodAutoscaler",
    metadata: { name: target.name, namespace: NAMESPACE },
    spec: {
      targetRef: scaleTargetRef,
      updatePolicy: { updateMode: "Off" },
      resourcePolicy: { containerPolicies: [{ containerName: "clinical", controlledResources: ["cpu", "memory"] }] },
    },
  };
}
