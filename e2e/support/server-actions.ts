import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

/** One server action as `next build` recorded it in .next/server/server-reference-manifest.json. */
export interface BuiltAction {
  id: string;
  filename: string;
  exportedName: string;
  /** The page its call is posted to, as Next's client would. */
  path: string;
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

/** "app/(console)/admin/users/page" → "/admin/users"; null for a dynamic route. */
function pagePath(worker: string): string | null {
  if (worker.includes("[")) return null;
  const path = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]*\)/g, "");
  return path || "/";
}

/** Prefer the page next to the action's module (the page that uses it), else any static page that imports it. */
function pageFor(entry: ManifestEntry): string {
  const workers = Object.keys(entry.workers);
  const own = entry.filename.replace(/\/[^/]+$/, "/page");
  const path = [own, ...workers].filter((w) => workers.includes(w)).map(pagePath).find(Boolean);
  if (!path) throw new Error(`${entry.filename}#${entry.exportedName}: no static page imports it`);
  return path;
}

export function builtActions(manifestFile = ".next/server/server-reference-manifest.json"): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({ id, filename: entry.filename, exportedName: entry.exportedName, path: pageFor(entry) }))
    .sort((a, b) => `${a.filename}#${a.exportedName}`.localeCompare(`${b.filename}#${b.exportedName}`));
}

/**
 * Calls a server action the way Next's client does: a POST to the page with the action's id in
 * `Next-Action` and its arguments encoded as React encodes a reply. The arguments are those of
 * a form action, (previous state, FormData): a check that comes first refuses before reading them.
 */
export async function postAction(request: APIRequestContext, action: BuiltAction) {
  const res = await request.post(action.path, {
    headers: { "next-action": action.id, accept: "text/x-component" },
    multipart: { "1_probe": "direct-post matrix", "0": '[null,"$K1"]' },
    maxRedirects: 0,
  });
  return { status: res.status(), body: await res.text() };
}
