import { expect, test } from "@playwright/test";
import { E2E, e2eDatabaseUrl } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { appendAuditEvents } from "./support/bulk-audit";

const url = e2eDatabaseUrl(E2E.main.name);
const ROWS = 100_000;

test("a 100,000-event audit trail scrolls with fewer than 100 rows in the DOM", async ({ page }) => {
  test.setTimeout(120_000);
  // Filling the trail needs a second connection to the database: PostgreSQL only.
  test.skip(!url && process.env.VIGIL_REQUIRE_ALL !== "1", "needs PostgreSQL: set TEST_DATABASE_URL");
  expect(url, "VIGIL_REQUIRE_ALL=1 needs TEST_DATABASE_URL for this test").toBeTruthy();
  await appendAuditEvents(url!, ROWS);

  await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-count")).toContainText(/of \d{6,} events/);
  const total = Number(/of (\d+) events/.exec(await page.getByTestId("audit-count").innerText())![1]);
  expect(total).toBeGreaterThanOrEqual(ROWS);

  const scroller = page.getByTestId("audit-scroller");
  let loaded = 0;
  for (let i = 0; i < 8; i++) {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(async () => Number(/Showing (\d+)/.exec(await page.getByTestId("audit-count").innerText())![1])).toBeGreaterThan(loaded);
    loaded = Number(/Showing (\d+)/.exec(await page.getByTestId("audit-count").innerText())![1]);
    const inDom = await page.getByTestId("audit-row").count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(100);
  }
  expect(loaded).toBeGreaterThan(2000);
  // Rows far from the top really are the trail's older events.
  await expect(page.getByTestId("audit-row").last()).toContainText("bulk.fill");
});
