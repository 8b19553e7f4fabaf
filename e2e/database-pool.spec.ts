import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";
import { DatabasePoolSection } from "./pages/database-pool-section";

test.describe("database page: priority connection pools", () => {
  test("an admin sees live pool usage and changes a reservation, in effect within a second, audited", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    const pool = new DatabasePoolSection(page);
    await pool.open();
    await expect(pool.section()).toBeVisible();
    await expect(pool.usageRow("emergency")).toBeVisible();
    await expect(page.getByTestId("pool-service-version")).toContainText(/pool settings version \d+/);

    // Reservations above the pool size are refused, naming the field, and nothing is saved.
    await pool.size().fill("3");
    await pool.save();
    await expect(page.getByTestId("pool-error-size")).toContainText(/Reservations add up to 6/);

    await pool.size().fill("11");
    await pool.reserved("ai-inference").fill("1");
    await pool.save();
    await expect(pool.effect()).toContainText(/Version \d+: took effect on the clinical service at/);
    const ms = Number(/\((\d+) ms after saving\)/.exec((await pool.effect().textContent()) ?? "")?.[1]);
    expect(ms).toBeLessThan(1000);
    await pool.open();
    await expect(pool.reserved("ai-inference")).toHaveValue("1");
    await expect(page.getByTestId("pool-service-version")).toContainText("(11 connections)");

    const audit = new AuditPage(page);
    await audit.open({ action: "database.pool.update", actor: E2E.adminEmail, outcome: "success" });
    expect(await audit.total()).toBeGreaterThanOrEqual(1);
  });

  test("ops reads the pool section but cannot change it", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    const pool = new DatabasePoolSection(page);
    await pool.open();
    await expect(pool.usageRow("ai-inference")).toBeVisible();
    await expect(pool.reserved("emergency")).toBeDisabled();
    await expect(page.getByTestId("pool-save")).toHaveCount(0);
  });
});
