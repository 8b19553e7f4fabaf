/**
 * `npx tsx scripts/export-monitoring.ts [--check]`: writes the Prometheus rules, Prometheus config
 * and Grafana dashboard generated from core/engines/slo into deploy/. With --check, writes nothing
 * and exits 1 if any file on disk differs from the generated output (stale export), else 0.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { monitoringFiles } from "@/core/engines/slo/export";
import { staleFiles, writeFiles } from "../lib/tooling/generated-files";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const files = monitoringFiles();
if (process.argv.includes("--check")) {
  const stale = staleFiles(files, ROOT);
  for (const path of stale) console.error(`stale: ${path} (run npx tsx scripts/export-monitoring.ts)`);
  if (stale.length === 0) console.log(`monitoring exports up to date (${Object.keys(files).length} files)`);
  process.exitCode = stale.length === 0 ? 0 : 1;
} else {
  for (const path of writeFiles(files, ROOT)) console.log(`wrote ${path}`);
}
