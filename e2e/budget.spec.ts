import { expect, test } from "@playwright/test";
import { chunksContaining, FIRST_LOAD_BUDGET_BYTES, firstLoadFiles, formatTable, measureFirstLoad } from "../lib/budget/first-load";

test("every route's first-load JavaScript is within the gzip budget", async () => {
  const rows = measureFirstLoad();
  console.log(`\nFirst-load JS per route (from .next):\n${formatTable(rows)}\n`);
  expect(rows.map((r) => r.route)).toEqual(expect.arrayContaining(["/", "/admin/audit", "/admin/users", "/login", "/monitoring"]));
  for (const r of rows) expect(r.gzipBytes, `${r.route} first-load JS`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});

test("recharts is in no route's first load, only in chunks loaded on demand", async () => {
  // "recharts-surface" is a class name recharts writes into every chart: it survives minification.
  const rechartsChunks = chunksContaining("recharts-surface");
  expect(rechartsChunks.length, "the build has a chunk holding recharts").toBeGreaterThan(0);
  for (const { route, files } of firstLoadFiles()) {
    expect(files.filter((f) => rechartsChunks.includes(f)), `${route} loads recharts first`).toEqual([]);
  }
});
