import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";
import { ResourcesPage } from "./pages/resources-page";

test.describe("cost per 1,000 requests and the price table", () => {
  test("an admin changes a price with a reason; a refusal keeps what was typed; the estimate says how it is computed", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    await new ResourcesPage(page).open();
    const panel = page.getByTestId("resource-cost");
    await expect(panel).toContainText("Estimate, not a bill");
    // Either an estimate table from the console's scrapes, or an empty state saying why: never invented figures.
    await expect(page.getByTestId("cost-table").or(page.getByTestId("cost-empty"))).toBeVisible();

    const vcpu = page.getByTestId("price-vcpuHour");
    await vcpu.fill("0.0625");
    await page.getByTestId("price-submit").click();
    await expect(page.getByTestId("price-reason-error")).toBeVisible();
    await expect(vcpu).toHaveValue("0.0625");

    await page.getByTestId("price-reason").fill("New cloud contract from this quarter.");
    await page.getByTestId("price-submit").click();
    await expect(page.getByTestId("price-result")).toContainText(/Saved as version \d+/);
    await page.reload();
    await expect(page.getByTestId("price-vcpuHour")).toHaveValue("0.0625");
    await expect(page.getByTestId("cost-method")).toContainText(/0\.063 USD per vCPU-hour/);
    await expect(page.getByTestId("cost-method")).toContainText(/Price table version \d+, in effect since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);

    const audit = new AuditPage(page);
    await audit.open({ action: "resources.prices.update", actor: E2E.adminEmail, outcome: "success" });
    expect(await audit.total()).toBeGreaterThanOrEqual(1);
  });

  test("ops sees prices read-only", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await new ResourcesPage(page).open();
    await expect(page.getByTestId("price-vcpuHour")).toBeDisabled();
    await expect(page.getByTestId("price-submit")).toHaveCount(0);
  });
});
