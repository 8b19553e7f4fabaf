/**
 * Cycles between folders, where neither folder contains the other. A parent composing its
 * children (clinical/src/app.ts → routes/) while children use the parent's shared files is a
 * hierarchy, not a loop; two sibling domains importing each other (lib/auth ↔ lib/services/auth,
 * app/ ↔ components/) is a loop.
 */
export type ModuleEdge = { from: string; to: string };

const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".");
const nested = (a: string, b: string) => a === b || a === "." || b === "." || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** Each cycle as its folders, with one module edge that closes each step of it. */
export function folderCycles(edges: ModuleEdge[]): { folders: string[]; via: ModuleEdge[] }[] {
  const graph = new Map<string, Map<string, ModuleEdge>>();
  for (const e of edges) {
    const a = folderOf(e.from), b = folderOf(e.to);
    if (nested(a, b)) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, e);
  }
  return stronglyConnected(graph)
    .filter((c) => c.length > 1)
    .map((folders) => {
      const set = new Set(folders);
      const via = folders.flatMap((f) => [...(graph.get(f) ?? new Map()).entries()].filter(([to]) => set.has(to)).map(([, e]) => e));
      return { folders: folders.sort(), via };
    });
}

/** Tarjan's algorithm over the folder graph. */
function stronglyConnected(graph: Map<string, Map<string, ModuleEdge>>): string[][] {
  let next = 0;
  const index = new Map<string, number>(), low = new Map<string, number>(), onStack = new Set<string>();
  const stack: string[] = [], out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next); low.set(v, next); next++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); comp.push(w); } while (w !== v);
      out.push(comp);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}
