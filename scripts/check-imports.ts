/**
 * `npm run check:imports`: dependency-cruiser's rules (.dependency-cruiser.cjs: no module cycles,
 * components never import app/, engines stay pure) plus cycles between sibling folders.
 * Exit 1 on any violation.
 */
import { execFileSync } from "node:child_process";
import { folderCycles, type ModuleEdge } from "../lib/tooling/folder-cycles";

const roots = ["app", "components", "lib", "clinical", "scripts", "bench", "sw", "proxy.ts", "instrumentation.ts"];
const out = execFileSync("npx", ["depcruise", "--config", ".dependency-cruiser.cjs", "--output-type", "json", ...roots], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});
type Cruise = {
  modules: { source: string; dependencies: { resolved: string; coreModule: boolean; couldNotResolve: boolean }[] }[];
  summary: { violations: { from: string; to: string; rule: { name: string }; cycle?: { name: string }[] }[] };
};
const result = JSON.parse(out) as Cruise;
const edges: ModuleEdge[] = result.modules.flatMap((m) =>
  m.dependencies.filter((d) => !d.coreModule && !d.couldNotResolve && !d.resolved.includes("node_modules/")).map((d) => ({ from: m.source, to: d.resolved })),
);

const problems = [
  ...result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(" → ") : v.to}`),
  ...folderCycles(edges).map((c) => `folder-cycle: ${c.folders.join(" ↔ ")} (${c.via.map((e) => `${e.from} → ${e.to}`).join("; ")})`),
];
if (problems.length) {
  console.error(`${problems.length} import rule violation(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`imports ok: ${result.modules.length} modules, ${edges.length} internal imports, no cycles`);
