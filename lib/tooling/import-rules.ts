/**
 * The import rules `npm test` enforces: dependency-cruiser's (.dependency-cruiser.cjs: no module
 * cycles, components never import app/, lib/ never imports the UI, engines stay pure) plus cycles
 * between sibling folders (./folder-cycles.ts). Run by lib/tooling/import-rules.test.ts and
 * `npm run check:imports`.
 */
import { execFileSync } from "node:child_process";
import { folderCycles, type ModuleEdge } from "./folder-cycles";

const ROOTS = ["app", "components", "core", "lib", "clinical", "test", "scripts", "bench", "sw", "proxy.ts", "instrumentation.ts"];

type Cruise = {
  modules: { source: string; dependencies: { resolved: string; coreModule: boolean; couldNotResolve: boolean }[] }[];
  summary: { violations: { from: string; to: string; rule: { name: string }; cycle?: { name: string }[] }[] };
};

/** Every violation as one line, and how much was checked; run from the repository root. */
export function checkImports(cwd = process.cwd()): { problems: string[]; modules: number; edges: number } {
  const out = execFileSync("npx", ["depcruise", "--config", ".dependency-cruiser.cjs", "--output-type", "json", ...ROOTS], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const result = JSON.parse(out) as Cruise;
  const edges: ModuleEdge[] = result.modules.flatMap((m) =>
    m.dependencies.filter((d) => !d.coreModule && !d.couldNotResolve && !d.resolved.includes("node_modules/")).map((d) => ({ from: m.source, to: d.resolved })),
  );
  const problems = [
    ...result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(" → ") : v.to}`),
    ...folderCycles(edges).map((c) => `folder-cycle: ${c.folders.join(" ↔ ")} (${c.via.map((e) => `${e.from} → ${e.to}`).join("; ")})`),
  ];
  return { problems, modules: result.modules.length, edges: edges.length };
}
