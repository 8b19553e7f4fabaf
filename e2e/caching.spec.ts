import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";

test.describe("caching page", () => {
  test("an admin's policy edit takes effect on the clinical service within a second, audited", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    await page.goto("/caching");
    await expect(page.getByTestId("cache-l2")).toContainText(/Redis|memory/);
    await page.getByLabel("vital-signs TTL").fill("45");
    await page.getByTestId("policy-reason").fill("e2e: vitals refresh every 45 s on ward 2A");
    await page.getByTestId("policy-save").click();
    const effect = page.getByTestId("policy-effect");
    await expect(effect).toContainText(/Version \d+: took effect on the clinical service at/);
    const ms = Number(/\((\d+) ms after saving\)/.exec((await effect.textContent()) ?? "")?.[1]);
    expect(ms).toBeLessThan(1000);
    await page.reload();
    await expect(page.getByLabel("vital-signs TTL")).toHaveValue("45");
    await expect(page.getByTestId("service-policy-version")).toContainText(/version [1-9]/);

    // Grace for vital signs is refused: they are never served stale.
    await page.getByLabel("vital-signs grace").fill("60");
    await page.getByTestId("policy-reason").fill("e2e: try serving vitals stale");
    await page.getByTestId("policy-save").click();
    await expect(page.getByTestId("policy-form")).toContainText("never served stale");

    await page.getByTestId("invalidate-patient").fill("p-000001");
    await page.getByTestId("invalidate-submit").click();
    await expect(page.getByTestId("invalidate-reason-error")).toContainText("say why");
    // React resets a <form action> after each submit, the refused one too: type the patient again.
    await page.getByTestId("invalidate-patient").fill("p-000001");
    await page.getByTestId("invalidate-reason").fill("e2e: a corrected chart must not be served from cache");
    await page.getByTestId("invalidate-submit").click();
    await expect(page.getByTestId("invalidated")).toBeVisible();

    const audit = new AuditPage(page);
    await audit.open({ action: "cache.policy.update", actor: E2E.adminEmail, outcome: "success" });
    expect(await audit.total()).toBeGreaterThanOrEqual(1);
    await audit.open({ action: "cache.invalidate", actor: E2E.adminEmail, outcome: "success" });
    expect(await audit.total()).toBeGreaterThanOrEqual(1);
  });

  test("ops reads the policies and hit rates but cannot change them", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await page.goto("/caching");
    await expect(page.getByLabel("patient-demographics TTL")).toBeDisabled();
    await expect(page.getByTestId("policy-save")).toHaveCount(0);
    await expect(page.getByTestId("invalidate-form")).toHaveCount(0);
    await expect(page.getByTestId("hit-rate-chart").or(page.getByTestId("hit-rate-empty"))).toBeVisible();
  });
});
