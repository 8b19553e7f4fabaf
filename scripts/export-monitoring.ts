/**
 * `npx tsx scripts/export-monitoring.ts [--check]`: writes the Prometheus rules, Prometheus config
 * and Grafana dashboard generated from lib/engines/slo into deploy/. With --check, writes nothing
 * and exits 1 if any file on disk differs from the generated output (stale export), else 0.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { monitoringFiles } from "../lib/engines/slo/export";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Repo-relative paths whose content on disk is missing or differs from `files`. */
export function staleFiles(files: Record<string, string>, root = ROOT): string[] {
  return Object.entries(files)
    .filter(([path, content]) => {
      try {
        return readFileSync(resolve(root, path), "utf8") !== content;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

function main(argv: string[]): number {
  const files = monitoringFiles();
  if (argv.includes("--check")) {
    const stale = staleFiles(files);
    for (const path of stale) console.error(`stale: ${path} (run npx tsx scripts/export-monitoring.ts)`);
    if (stale.length === 0) console.log(`monitoring exports up to date (${Object.keys(files).length} files)`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, content] of Object.entries(files)) {
    const abs = resolve(ROOT, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    console.log(`wrote ${path}`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
