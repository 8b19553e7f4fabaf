import { expect, test } from "@playwright/test";
import { FIRST_LOAD_BUDGET_BYTES, formatTable, measureFirstLoad } from "../lib/budget/first-load";

test("every route's first-load JavaScript is within the gzip budget", async () => {
  const rows = measureFirstLoad();
  console.log(`\nFirst-load JS per route (from .next):\n${formatTable(rows)}\n`);
  expect(rows.map((r) => r.route)).toEqual(expect.arrayContaining(["/", "/admin/audit", "/admin/users", "/login", "/monitoring"]));
  for (const r of rows) expect(r.gzipBytes, `${r.route} first-load JS`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});

test("recharts is split out of the Monitoring page's first load", async () => {
  const rows = measureFirstLoad();
  const monitoring = rows.find((r) => r.route === "/monitoring")!;
  const overview = rows.find((r) => r.route === "/")!;
  // The chart library alone is far larger than this difference.
  expect(monitoring.gzipBytes - overview.gzipBytes).toBeLessThan(20 * 1024);
});
