import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";
import { AuditPage } from "./pages/audit-page";

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).signInAs(email, password);
  return page;
}

const REASON = "e2e: sepsis alert storm, on-call admin unreachable";

test("an ops user breaks glass for a reason, holds admin rights under a banner, ends it; compliance acknowledges the use", async ({ browser }) => {
  // A user of its own, so no other spec ever sees the shared ops account elevated.
  const admin = await signedIn(browser, E2E.adminEmail, E2E.adminPassword);
  const bg = { email: `breakglass-${Date.now()}@e2e.local`, password: "e2e-breakglass-password-1" };
  const users = new UsersPage(admin);
  await users.goto();
  await users.createUser({ ...bg, name: "Bea Breakglass", role: "ops" });

  const ops = await signedIn(browser, bg.email, bg.password);
  expect((await ops.goto("/admin/users"))?.status()).toBe(403);
  await ops.goto("/");
  await ops.getByTestId("main-nav").getByRole("link", { name: "Break glass" }).click();
  await expect(ops).toHaveURL(/\/break-glass$/);

  // Refused without a reason and past the hour; what was typed stays; nothing granted.
  await ops.getByTestId("break-glass-minutes").fill("90");
  await ops.getByTestId("break-glass-start").click();
  await expect(ops.getByTestId("break-glass-reason-error")).toBeVisible();
  await expect(ops.getByTestId("break-glass-minutes-error")).toContainText("at most 60 minutes");
  await expect(ops.getByTestId("break-glass-minutes")).toHaveValue("90");
  await expect(ops.getByTestId("break-glass-banner")).toHaveCount(0);

  await ops.getByTestId("break-glass-reason").fill(REASON);
  await ops.getByTestId("break-glass-minutes").fill("15");
  await ops.getByTestId("break-glass-start").click();
  const banner = ops.getByTestId("break-glass-banner");
  await expect(banner).toBeVisible();
  await expect(ops.getByTestId("break-glass-time-left")).toHaveText(/^1[45]:\d\d$/);

  // Admin's page opens, with the banner still on it.
  expect((await ops.goto("/admin/users"))?.status()).toBe(200);
  await expect(ops.getByTestId("users-table")).toBeVisible();
  await expect(banner).toBeVisible();
  await expect(ops.getByTestId("current-role")).toHaveText("Administrator");

  await ops.getByTestId("break-glass-end").click();
  await expect(ops.getByTestId("break-glass-ended")).toBeVisible();
  await expect(banner).toHaveCount(0);
  expect((await ops.goto("/admin/users"))?.status()).toBe(403);

  // The trail: two refused starts and one granted, one end by the user, all high severity.
  const audit = new AuditPage(admin);
  await audit.open({ action: "breakglass.start", actor: bg.email });
  expect(await audit.total()).toBe(2);
  await audit.open({ action: "breakglass.start", actor: bg.email, outcome: "success" });
  expect(await audit.total()).toBe(1);
  await audit.open({ action: "breakglass.end", actor: bg.email });
  expect(await audit.total()).toBe(1);

  // Compliance reviews it from the nav and acknowledges it once, with a note.
  const compliance = await signedIn(browser, E2E.users.compliance.email, E2E.users.compliance.password);
  await compliance.getByTestId("main-nav").getByRole("link", { name: "Break-glass review" }).click();
  const row = compliance.getByTestId("break-glass-queue").getByRole("row").filter({ hasText: bg.email });
  await expect(row).toContainText(REASON);
  await expect(row).toContainText("Ended by user");
  await row.getByTestId("break-glass-ack-note").fill("matches incident ticket");
  await row.getByTestId("break-glass-ack").click();
  await expect(row.getByTestId("break-glass-acked")).toContainText(`Acknowledged by ${E2E.users.compliance.email}`);
  await expect(row.getByTestId("break-glass-acked")).toContainText("matches incident ticket");
  await expect(row.getByTestId("break-glass-ack")).toHaveCount(0);
  await audit.open({ action: "breakglass.acknowledge", actor: E2E.users.compliance.email, outcome: "success" });
  expect(await audit.total()).toBeGreaterThanOrEqual(1);
  await expect(audit.rows().first()).toContainText(bg.email);
});
