import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";

const ACCOUNTS = [
  { role: "admin", email: E2E.adminEmail, password: E2E.adminPassword, label: "Administrator", admin: ["Users", "Audit"] },
  { role: "ops", ...E2E.users.ops, label: "Clinical operations", admin: [] },
  { role: "compliance", ...E2E.users.compliance, label: "Compliance (read-only)", admin: ["Audit"] },
] as const;

test("a signed-out visitor is sent to sign-in, and comes back after it", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faudit$/);
  await new LoginPage(page).signIn(E2E.adminEmail, E2E.adminPassword);
  await expect(page).toHaveURL(/\/admin\/audit$/);
});

for (const account of ACCOUNTS) {
  test(`${account.role} signs in, sees their role and only their admin pages; the sign-in is audited`, async ({ page, browser }) => {
    await new LoginPage(page).signInAs(account.email, account.password);
    await expect(page.getByTestId("current-role")).toHaveText(account.label);
    const nav = page.getByTestId("main-nav");
    for (const item of ["Overview", "Load tests", "Database", "Caching", "Scaling", "Resources", "Monitoring"]) {
      await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
    }
    for (const item of ["Users", "Audit"]) {
      const visible = (account.admin as readonly string[]).includes(item);
      await expect(nav.getByRole("link", { name: item, exact: true })).toHaveCount(visible ? 1 : 0);
    }
    const adminPage = await (await browser.newContext()).newPage();
    await new LoginPage(adminPage).signInAs(E2E.adminEmail, E2E.adminPassword);
    const audit = new AuditPage(adminPage);
    await audit.open({ action: "auth.sign_in", actor: account.email, outcome: "success" });
    expect(await audit.total()).toBeGreaterThanOrEqual(1);
  });
}

test("a wrong password is refused with a clear message and audited as a failure", async ({ page, browser }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(E2E.users.compliance.email, "definitely-not-it");
  await expect(login.error()).toContainText("incorrect");
  await expect(page.getByTestId("login-email")).toHaveValue(E2E.users.compliance.email);
  const adminPage = await (await browser.newContext()).newPage();
  await new LoginPage(adminPage).signInAs(E2E.adminEmail, E2E.adminPassword);
  const audit = new AuditPage(adminPage);
  await audit.open({ action: "auth.sign_in", actor: E2E.users.compliance.email, outcome: "failure" });
  expect(await audit.total()).toBe(1);
});

test("the overview shows measured status and no invented numbers", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
  await expect(page.getByTestId("clinical-status")).toContainText(/HTTP 200 .* in [\d.]+ ms/);
  // The count is whatever the database holds (other specs may have run load tests).
  const runs = await (await page.request.get("/load-tests")).text();
  const none = runs.includes('data-testid="runs-empty"');
  await expect(page.getByTestId("run-count")).toContainText(none ? "No runs recorded yet" : /[1-9]\d* runs recorded/);
  await expect(page.getByTestId("as-of")).toContainText("UTC");
  // Nothing green unless measured healthy: an unconfigured Redis is neutral, not OK.
  const redis = await page.getByTestId("console-redis").innerText();
  const redisBadge = page.getByTestId("console-redis-badge");
  if (redis.includes("Not configured")) await expect(redisBadge).toHaveAttribute("data-status", "neutral");
  else await expect(redisBadge).toHaveAttribute("data-status", redis.includes("answered PING") ? "ok" : "bad");
  await expect(page.getByTestId("clinical-status-badge")).toHaveAttribute("data-status", "ok");
  // The run count is a way to the runs.
  await page.getByTestId("run-count-link").click();
  await expect(page).toHaveURL(/\/load-tests$/);
  await page.goBack();
  // The built pillar pages say nothing is missing (Resources still lists what it lacks: issue 15).
  for (const name of ["Database", "Scaling", "Monitoring"]) {
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("Not built yet")).toHaveCount(0);
  }
});
