import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { ResourcesPage } from "./pages/resources-page";
import { DatabasePoolSection } from "./pages/database-pool-section";

// React 19 resets an uncontrolled <form action> after the action returns; a refused settings
// form must keep every typed value, with the error by its field.
test.describe("a refused settings form keeps what was typed", () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
  });

  test("resource settings without a reason", async ({ page }) => {
    const resources = new ResourcesPage(page);
    await resources.open();
    const enabled = resources.setting("admission.enabled");
    const wasChecked = await enabled.isChecked();
    await resources.setting("rateLimit.clientPoints").fill("2718");
    await enabled.setChecked(!wasChecked);
    await page.getByTestId("resource-settings-save").click();
    await expect(page.getByTestId("resource-settings-reason-error")).toBeVisible();
    await expect(resources.setting("rateLimit.clientPoints")).toHaveValue("2718");
    await expect(enabled).toBeChecked({ checked: !wasChecked });
  });

  test("cache policies without a reason", async ({ page }) => {
    await page.goto("/caching");
    await page.getByLabel("laboratory-results TTL").fill("77");
    await page.getByLabel("laboratory-results max entry").fill("4321");
    await page.getByTestId("policy-save").click();
    await expect(page.getByTestId("policy-reason-error")).toBeVisible();
    await expect(page.getByLabel("laboratory-results TTL")).toHaveValue("77");
    await expect(page.getByLabel("laboratory-results max entry")).toHaveValue("4321");
  });

  test("pool settings with an out-of-range value keep the value and the reason", async ({ page }) => {
    const pool = new DatabasePoolSection(page);
    await pool.open();
    await pool.size().fill("81"); // above POOL_LIMITS.maxSize (80); the input has only a min attribute
    await pool.reserved("ai-inference").fill("2");
    const reason = "e2e: checking a refused pool size";
    await pool.save(reason);
    await expect(page.getByTestId("pool-error-size")).toBeVisible();
    await expect(pool.size()).toHaveValue("81");
    await expect(pool.reserved("ai-inference")).toHaveValue("2");
    await expect(page.getByTestId("pool-reason")).toHaveValue(reason);
  });
});
