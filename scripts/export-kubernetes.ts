/**
 * `npx tsx scripts/export-kubernetes.ts [--check]`: writes the Kubernetes manifests generated from
 * the default scaling policy (core/engines/scaling/kubernetes) into deploy/kubernetes/. With
 * --check, writes nothing and exits 1 if any file on disk differs (stale export), else 0. The
 * Scaling page offers the same files generated from the saved policy.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { kubernetesFiles } from "@/core/engines/scaling/kubernetes/export";
import { staleFiles, writeFiles } from "../lib/tooling/generated-files";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const files = kubernetesFiles();
if (process.argv.includes("--check")) {
  const stale = staleFiles(files, ROOT);
  for (const path of stale) console.error(`stale: ${path} (run npx tsx scripts/export-kubernetes.ts)`);
  if (stale.length === 0) console.log(`kubernetes exports up to date (${Object.keys(files).length} files)`);
  process.exitCode = stale.length === 0 ? 0 : 1;
} else {
  for (const path of writeFiles(files, ROOT)) console.log(`wrote ${path}`);
}
