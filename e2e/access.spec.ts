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

async function deniedCount(admin: Page, actor: string): Promise<number> {
  const audit = new AuditPage(admin);
  await audit.open({ action: "access.denied", actor });
  return audit.total();
}

test("ops gets a 403 page on Admin → Users, recorded as exactly one audit event", async ({ browser }) => {
  const admin = await signedIn(browser, E2E.adminEmail, E2E.adminPassword);
  const ops = await signedIn(browser, E2E.users.ops.email, E2E.users.ops.password);
  const before = await deniedCount(admin, E2E.users.ops.email);
  const response = await ops.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(ops.getByTestId("forbidden")).toContainText("403");
  await expect(ops.getByTestId("users-table")).toHaveCount(0);
  expect(await deniedCount(admin, E2E.users.ops.email)).toBe(before + 1);
  const audit = new AuditPage(admin);
  await audit.open({ action: "access.denied", actor: E2E.users.ops.email });
  await expect(audit.rows().first()).toContainText("admin.users.view");
});

test("compliance reads the audit trail but gets 403 on user management", async ({ browser }) => {
  const compliance = await signedIn(browser, E2E.users.compliance.email, E2E.users.compliance.password);
  expect((await compliance.goto("/admin/audit"))?.status()).toBe(200);
  await expect(compliance.getByTestId("audit-row").first()).toBeVisible();
  expect((await compliance.goto("/admin/users"))?.status()).toBe(403);
});

test("ops POSTing the admin create-user server action directly is refused and audited", async ({ browser }) => {
  const admin = await signedIn(browser, E2E.adminEmail, E2E.adminPassword);
  const users = new UsersPage(admin);
  await users.goto();
  // Capture a genuine create-user action request as the admin's browser sends it.
  const captured = admin.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await users.createUser({ email: "captured@e2e.local", name: "Captured", role: "ops", password: "captured-password-1" });
  const request = await captured;
  const body = request.postData()!.replaceAll("captured@e2e.local", "smuggled@e2e.local");
  expect(body).toContain("smuggled@e2e.local");

  const ops = await signedIn(browser, E2E.users.ops.email, E2E.users.ops.password);
  const before = await deniedCount(admin, E2E.users.ops.email);
  const res = await ops.request.post("/admin/users", {
    headers: {
      "next-action": request.headers()["next-action"]!,
      "content-type": request.headers()["content-type"]!,
      accept: "text/x-component",
    },
    data: body,
  });
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("FORBIDDEN");

  await users.goto();
  await expect(users.row("smuggled@e2e.local")).toHaveCount(0);
  expect(await deniedCount(admin, E2E.users.ops.email)).toBe(before + 1);
  const audit = new AuditPage(admin);
  await audit.open({ action: "access.denied", actor: E2E.users.ops.email });
  await expect(audit.rows().first()).toContainText("user.create");
});
