import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";
import { AuditPage } from "./pages/audit-page";

const IDLE = `http://127.0.0.1:${E2E.idle.port}`;

test.describe("idle expiry", () => {
  // The service worker fetches pages in the background with the session cookie (precaching,
  // navigation refresh); on a loaded machine one such request lands inside the 3 s idle window
  // and counts as activity. This test is about the server's idle timeout, so no worker here.
  test.use({ serviceWorkers: "block" });

  test("an idle session expires on the server and the expiry is audited", async ({ page }) => {
    const login = new LoginPage(page);
    await login.signInAs(E2E.adminEmail, E2E.adminPassword, IDLE);
    // Idle means no request at all: let the page's own follow-up requests (link prefetches, the
    // Web Vitals beacon) finish first, or a late one on a loaded machine counts as activity.
    await page.waitForLoadState("networkidle");
    // This console's idle timeout is 3 s; the JWT cookie is still valid long after.
    await page.waitForTimeout(E2E.idle.idleMinutes * 60_000 + 1500);
    await page.goto(`${IDLE}/database`);
    await expect(page).toHaveURL(/\/login\?expired=1/);
    await expect(page.getByTestId("session-ended")).toBeVisible();

    await login.signIn(E2E.adminEmail, E2E.adminPassword);
    await expect(page.getByTestId("current-user")).toBeVisible();
    const audit = new AuditPage(page);
    await audit.open({ action: "session.expire" }, IDLE);
    expect(await audit.total()).toBe(1);
    await expect(audit.rows().first()).toContainText(E2E.adminEmail);
  });
});

test("disabling a user ends their open session at once", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await new LoginPage(admin).signInAs(E2E.adminEmail, E2E.adminPassword);
  const users = new UsersPage(admin);
  await users.goto();
  const victim = { email: "to-disable@e2e.local", name: "Short Lived", role: "ops" as const, password: "to-disable-password" };
  await users.createUser(victim);

  const ops = await (await browser.newContext()).newPage();
  await new LoginPage(ops).signInAs(victim.email, victim.password);
  await users.toggleDisabled(victim.email);
  await expect(users.row(victim.email)).toContainText("Disabled");

  await ops.goto("/monitoring");
  await expect(ops).toHaveURL(/\/login/);
  const audit = new AuditPage(admin);
  await audit.open({ action: "user.disable" });
  await expect(audit.rows().first()).toContainText(victim.email);
});

test("sign-out ends the session row, not just the cookie", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
  const cookies = await page.context().cookies();
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("signed-out")).toBeVisible();
  // Replaying the old cookie must not get back in.
  await page.context().addCookies(cookies);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("Auth.js's own sign-out ends the session row, and its session endpoint shows nothing internal", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
  const session = await page.request.get("/api/auth/session");
  const body = await session.json();
  expect(body.user.email).toBe(E2E.users.ops.email);
  expect(JSON.stringify(body)).not.toMatch(/sid|[0-9a-f]{8}-[0-9a-f]{4}-/);

  const cookies = await page.context().cookies();
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const out = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);
  // The cookie Auth.js cleared, replayed: the row behind it is revoked.
  await page.context().addCookies(cookies);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
});
