/**
 * The generated monitoring files (paths relative to the repo root → contents). Pure: the export
 * script writes them, and its `--check` mode and a test compare them with the files on disk.
 */
import { grafanaDashboard } from "./grafana-dashboard";
import { GENERATED_HEADER, prometheusRulesYaml } from "./prometheus-rules";
import { CLINICAL_JOB } from "./promql";

export const RULES_PATH = "deploy/prometheus/vigil-slo-rules.yml";
export const PROMETHEUS_CONFIG_PATH = "deploy/prometheus/prometheus.yml";
export const DASHBOARD_PATH = "deploy/grafana/vigil-clinical-dashboard.json";
export const RULES_TEST_PATH = "deploy/prometheus/tests/vigil-slo-rules.test.yml";

/** Minimal Prometheus config scraping the clinical service locally and loading the SLO rules. */
export function prometheusConfig(target = "127.0.0.1:4000"): object {
  return {
    global: { scrape_interval: "15s", evaluation_interval: "15s" },
    // Relative to this config file's directory.
    rule_files: ["vigil-slo-rules.yml"],
    scrape_configs: [{ job_name: CLINICAL_JOB, scrape_interval: "15s", metrics_path: "/metrics", static_configs: [{ targets: [target] }] }],
  };
}

/** Every generated file, keyed by repo-relative path, in a stable order. */
export function monitoringFiles(): Record<string, string> {
  return {
    [RULES_PATH]: prometheusRulesYaml(),
    [PROMETHEUS_CONFIG_PATH]: `${GENERATED_HEADER}${JSON.stringify(prometheusConfig(), null, 2)}\n`,
    [DASHBOARD_PATH]: `${JSON.stringify(grafanaDashboard(), null, 2)}\n`,
  };
}
