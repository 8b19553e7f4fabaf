import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";

test("an admin sets the audit retention (refused below six years, field named) and archives with an honest result", async ({ page }) => {
  test.setTimeout(120_000);
  await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
  await page.goto("/admin/audit");
  const panel = page.getByTestId("audit-retention");
  await expect(panel).toBeVisible();

  await page.getByTestId("audit-retention-years").fill("5");
  await page.getByTestId("audit-retention-reason").fill("try a shorter retention period");
  await page.getByTestId("audit-retention-submit").click();
  await expect(page.getByTestId("audit-retention-years-error")).toContainText("at least 6 years");
  await expect(page.getByTestId("audit-retention-years")).toHaveValue("5");

  await page.getByTestId("audit-retention-years").fill("7");
  await page.getByTestId("audit-retention-reason").fill("counsel asked for seven years of audit history");
  await page.getByTestId("audit-retention-submit").click();
  await expect(page.getByTestId("audit-retention-result")).toContainText(/Saved as version \d+/);
  await expect(page.getByTestId("audit-retention-current")).toContainText(/Retention 7 years; .* in effect since/);

  // Every event in the e2e database is recent: nothing is archived, nothing deleted.
  await page.getByTestId("audit-archive-reason").fill("monthly archive of the cold audit trail");
  await page.getByTestId("audit-archive-submit").click();
  await expect(page.getByTestId("audit-archive-result")).toContainText("Nothing older than the hot window");
});

test("compliance sees the retention settings and the archives, without the forms", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-retention-current")).toContainText(/Retention \d+ years/);
  await expect(page.getByTestId("audit-retention-form")).toHaveCount(0);
  await expect(page.getByTestId("audit-archive-form")).toHaveCount(0);
  await expect(page.getByTestId("audit-retention")).toContainText("never deletes an archive");
});
