/**
 * Deployment, Service and PodDisruptionBudget for the console and the clinical service. Images
 * are the names `docker build` would tag in this repository; requests match the price table's
 * replica shape for the clinical service.
 */
export const NAMESPACE = "vigil";

export type Workload = {
  name: "vigil-console" | "vigil-clinical";
  image: string;
  port: number;
  healthPath: string;
  requests: { cpu: string; memory: string };
  limits: { memory: string };
  replicas: number;
  env: ({ name: string; value: string } | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } })[];
};

/**
 * A required key of the workload's Secret (`<name>-env`, also loaded whole by envFrom): named
 * explicitly so a pod without it fails to start instead of running with a generated value
 * (each clinical replica would generate its own token key and refuse the others' tokens).
 */
const fromSecret = (workload: string, key: string) => ({ name: key, valueFrom: { secretKeyRef: { name: `${workload}-env`, key } } });

export const WORKLOADS: Record<"console" | "clinical", Workload> = {
  console: {
    name: "vigil-console", image: "vigil/console:0.1.0", port: 3000, healthPath: "/api/health",
    requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "1536Mi" }, replicas: 2,
    env: [
      { name: "HOSTNAME", value: "0.0.0.0" }, { name: "CLINICAL_URL", value: "http://vigil-clinical:4000" },
      // The console's API client on the clinical service (npm run clinical:client -- --name console …).
      fromSecret("vigil-console", "CLINICAL_CLIENT_ID"), fromSecret("vigil-console", "CLINICAL_CLIENT_SECRET"),
    ],
  },
  clinical: {
    name: "vigil-clinical", image: "vigil/clinical:0.1.0", port: 4000, healthPath: "/health",
    requests: { cpu: "1", memory: "2Gi" }, limits: { memory: "2Gi" }, replicas: 2,
    // Several replicas need PostgreSQL: the embedded PGlite is single-process.
    // Every replica verifies every other's tokens: one CLINICAL_TOKEN_KEY for all of them.
    env: [{ name: "CLINICAL_HOST", value: "0.0.0.0" }, fromSecret("vigil-clinical", "CLINICAL_TOKEN_KEY")],
  },
};

const labels = (w: Workload) => ({ "app.kubernetes.io/name": w.name, "app.kubernetes.io/part-of": "vigil" });

export function deployment(w: Workload, replicas = w.replicas) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: w.name, namespace: NAMESPACE, labels: labels(w) },
    spec: {
      replicas,
      selector: { matchLabels: { "app.kubernetes.io/name": w.name } },
      template: {
        metadata: { labels: labels(w) },
        spec: {
          containers: [{
            name: w.name.replace("vigil-", ""),
            image: w.image,
            ports: [{ name: "http", containerPort: w.port }],
            env: w.env,
            envFrom: [{ secretRef: { name: `${w.name}-env` } }],
            resources: { requests: w.requests, limits: w.limits },
            readinessProbe: { httpGet: { path: w.healthPath, port: "http" }, periodSeconds: 5, failureThreshold: 2 },
            livenessProbe: { httpGet: { path: w.healthPath, port: "http" }, periodSeconds: 10, failureThreshold: 3 },
          }],
        },
      },
    },
  };
}

export function service(w: Workload) {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: w.name, namespace: NAMESPACE, labels: labels(w) },
    spec: { selector: { "app.kubernetes.io/name": w.name }, ports: [{ name: "http", port: w.port, targetPort: "http" }] },
  };
}

/** At most one replica down at a time for voluntary disruptions (node drains, upgrades). */
export function podDisruptionBudget(w: Workload) {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: w.name, namespace: NAMESPACE, labels: labels(w) },
    spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": w.name } } },
  };
}
