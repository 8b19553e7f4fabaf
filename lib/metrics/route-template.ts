import { readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestRoute {
  page: string;
  regex: string;
}

export type RouteMatcher = (pathname: string) => string;

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Metric label values must stay a small fixed set: anything unexpected collapses to "other". */
export function methodLabel(method: string | undefined): string {
  return method && KNOWN_METHODS.has(method) ? method : "other";
}

/**
 * Maps a request path to the route template Next built (`/load-tests/[id]`), so that ids in
 * URLs never become metric labels. Unknown paths become "unmatched".
 */
export function routeMatcherFromManifest(manifest: {
  staticRoutes?: ManifestRoute[];
  dynamicRoutes?: ManifestRoute[];
}): RouteMatcher {
  const exact = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamic = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, re: new RegExp(r.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static/[asset]";
    if (pathname.startsWith("/_next/")) return "/_next/[internal]";
    const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    if (exact.has(path)) return path;
    for (const r of dynamic) if (r.re.test(path)) return r.page;
    return "unmatched";
  };
}

export function loadRouteMatcher(distDir = join(process.cwd(), ".next")): RouteMatcher {
  const manifest = JSON.parse(readFileSync(join(distDir, "routes-manifest.json"), "utf8"));
  return routeMatcherFromManifest(manifest);
}
