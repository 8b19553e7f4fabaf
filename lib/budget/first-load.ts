import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The first-load JavaScript budget per route, gzip, from the frontend-performance issue. */
export const FIRST_LOAD_BUDGET_BYTES = 170 * 1024;

export interface RouteWeight {
  route: string;
  files: number;
  gzipBytes: number;
}

interface BuildManifest {
  rootMainFiles: string[];
  pagesChunkGroupBootstrapParams?: Record<string, unknown>;
}

/** Every chunk a page's client-reference manifest lists as an entry (layouts, boundaries, page). */
function entryChunks(distDir: string, page: string): string[] {
  const file = join(distDir, "server", "app", `${page}_client-reference-manifest.js`);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, "utf8");
  const json = text.slice(text.indexOf("= {") + 2).replace(/;\s*$/, "");
  const manifest = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
  return Object.values(manifest.entryJSFiles ?? {}).flat();
}

/**
 * First-load JS per App Router page, measured from `next build` output: the root main files
 * (framework, runtime) plus every entry chunk of the page's segments, each gzipped once.
 * Chunks loaded later by next/dynamic are not entries, so they do not count.
 */
export function measureFirstLoad(distDir = ".next"): RouteWeight[] {
  const sizes = new Map<string, number>();
  const gz = (f: string) => {
    if (!sizes.has(f)) sizes.set(f, gzipSync(readFileSync(join(distDir, f))).length);
    return sizes.get(f)!;
  };
  return firstLoadFiles(distDir).map(({ route, files }) => ({ route, files: files.length, gzipBytes: files.reduce((sum, f) => sum + gz(f), 0) }));
}

/** The files each route loads first: root main files plus the page's entry chunks. */
export function firstLoadFiles(distDir = ".next"): { route: string; files: string[] }[] {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as BuildManifest;
  const pages = Object.keys(build.pagesChunkGroupBootstrapParams ?? {}).filter((p) => !p.startsWith("/_"));
  return pages.map((page) => ({
    route: page.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/",
    files: [...new Set([...build.rootMainFiles, ...entryChunks(distDir, page)])],
  })).sort((a, b) => a.route.localeCompare(b.route));
}

/** Client chunks (paths relative to distDir) whose text contains `marker`. */
export function chunksContaining(marker: string, distDir = ".next"): string[] {
  const dir = join(distDir, "static", "chunks");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js") && readFileSync(join(dir, f), "utf8").includes(marker))
    .map((f) => `static/chunks/${f}`);
}

export function formatTable(rows: RouteWeight[], budget = FIRST_LOAD_BUDGET_BYTES): string {
  const kb = (n: number) => (n / 1024).toFixed(1);
  return [
    `| route | chunks | first-load JS (gzip kB) | budget ${kb(budget)} kB |`,
    "|---|---:|---:|---|",
    ...rows.map((r) => `| ${r.route} | ${r.files} | ${kb(r.gzipBytes)} | ${r.gzipBytes <= budget ? "ok" : "OVER"} |`),
  ].join("\n");
}
