import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { clinicalAuthHeaders } from "./support/clinical-token";
import { LoginPage } from "./pages/login-page";
import { DatabasePage } from "./pages/database-page";

test.describe("database page", () => {
  test("ops sees measured insight of the clinical database", async ({ page }) => {
    // Some clinical traffic first, so pg_stat_statements has the service's named queries.
    for (let i = 1; i <= 3; i++) {
      const res = await page.request.get(`http://127.0.0.1:${E2E.clinicalPort}/fhir/Observation?patient=p-00000${i}&category=vital-signs&_count=10`, { headers: await clinicalAuthHeaders() });
      expect(res.status()).toBe(200);
    }
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    const db = new DatabasePage(page);
    await db.goto();
    await expect(db.insight()).toContainText(/PGlite|PostgreSQL/);
    await expect(db.cacheHit()).toContainText(/tables .*%|no reads yet/);
    await expect(db.topQueries()).toContainText("observation.search_vital-signs");
    await expect(page.getByTestId("query-share-chart")).toBeVisible();
    await expect(db.tableStats()).toContainText("observations");
    await expect(db.indexStats()).toContainText("observations_pkey");
    // Ops may start an Optimize flow (it runs load tests) but never apply an index.
    await expect(db.optimizeStart()).toBeEnabled();
  });

  test("an admin runs the advisor and may apply; ops sees the same suggestions with apply disabled", async ({ page, browser }) => {
    // Enough calls of the vital-signs statement for the advisor (each patient's first read reaches the database).
    for (let i = 10; i < 22; i++) {
      const res = await page.request.get(`http://127.0.0.1:${E2E.clinicalPort}/fhir/Observation?patient=p-0000${i}&category=vital-signs&_count=10`, { headers: await clinicalAuthHeaders() });
      expect(res.status()).toBe(200);
    }
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    const db = new DatabasePage(page);
    await db.goto();
    await db.advise(1);
    await expect(db.adviceMethod()).toContainText(/HypoPG|rolled back/, { timeout: 60_000 });
    await expect(db.suggestions().first()).toContainText("observations");
    await expect(db.suggestions().first().getByTestId("apply-index")).toBeEnabled();

    const ops = await (await browser.newContext()).newPage();
    await new LoginPage(ops).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    const opsDb = new DatabasePage(ops);
    await opsDb.goto();
    await expect(opsDb.suggestions().first()).toContainText("observations");
    await expect(opsDb.suggestions().first().getByTestId("apply-index")).toBeDisabled();
    await expect(opsDb.suggestions().first().getByTestId("apply-disabled-reason")).toContainText("Only an administrator");
  });

  test("compliance reads the insight but may not start an Optimize flow", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
    const db = new DatabasePage(page);
    await db.goto();
    await expect(db.tableStats()).toContainText("patients");
    await expect(db.optimizeStart()).toBeDisabled();
  });
});
