import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";
import { ResourcesPage } from "./pages/resources-page";

test.describe("resources page", () => {
  test("shows live admission per class and applies an admin's rate-limit edit, audited; bad input names the field", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    const resources = new ResourcesPage(page);
    await resources.open();
    await expect(resources.classRow("emergency")).toContainText("CRITICAL_PLUS");
    await expect(resources.classRow("emergency")).toContainText("never limited");
    await expect(resources.classRow("ai-inference")).toContainText("SHEDDABLE");
    // The e2e clinical service runs with CLINICAL_RATE_LIMIT=off (e2e/support/serve-clinical.ts says
    // why): the page reports what the service exports, not the default.
    await expect(page.getByTestId("rate-limit-store")).toHaveText("Rate limiting is off.");
    await expect(page.getByTestId("threshold-memory-status")).toHaveAttribute("data-status", "ok");
    // Charts over time read the console's scrapes: either drawn with the thresholds, or an empty state saying why.
    await expect(resources.history()).toBeVisible();
    await expect(resources.chart("cpu").or(resources.historyEmpty())).toBeVisible();

    await resources.setting("rateLimit.clientPoints").fill("3000");
    await resources.save();
    await expect(resources.effect()).toContainText(/Version \d+: took effect on the clinical service at/);
    await page.reload();
    await expect(resources.setting("rateLimit.clientPoints")).toHaveValue("3000");
    await expect(page.getByTestId("service-resource-version")).toContainText(/version [1-9]/);

    await resources.setting("rateLimit.weights.write").fill("0");
    await resources.save();
    await expect(resources.fieldError("rateLimit.weights.write")).toBeVisible();

    const audit = new AuditPage(page);
    await audit.open({ action: "resources.settings.update", actor: E2E.adminEmail, outcome: "success" });
    expect(await audit.total()).toBeGreaterThanOrEqual(1);
  });

  test("ops sees the settings read-only", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    const resources = new ResourcesPage(page);
    await resources.open();
    await expect(resources.setting("admission.enabled")).toBeDisabled();
    await expect(resources.saveButton()).toHaveCount(0);
  });
});
