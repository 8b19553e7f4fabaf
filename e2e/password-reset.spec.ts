import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";

const user = { email: "reset-me@e2e.local", name: "Rosa Reset", role: "ops" as const, password: "first granite harbor lamp" };
const NEW_PASSWORD = "quiet copper ladder violet";

test("an admin resets a password; the user must change it before reaching the console", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await new LoginPage(admin).signInAs(E2E.adminEmail, E2E.adminPassword);
  const users = new UsersPage(admin);
  await users.goto();
  await users.createUser(user);
  const row = users.row(user.email);
  // Without a reason nothing happens, and what was typed is still there.
  await row.getByTestId("reset-password").click();
  await expect(row.getByTestId("reset-password-error")).toContainText("Reason");
  await row.getByTestId("reset-password-reason").fill("e2e: user forgot the password");
  await row.getByTestId("reset-password").click();
  const temporary = (await row.getByTestId("temporary-password").textContent())!.trim();
  expect(temporary.length).toBeGreaterThanOrEqual(12);

  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  // The old password no longer works.
  await login.goto();
  await login.signIn(user.email, user.password);
  await expect(login.error()).toBeVisible();
  await login.signIn(user.email, temporary);
  await expect(page).toHaveURL(/\/account\/password$/, { timeout: 20_000 });
  await expect(page.getByTestId("password-change-required")).toBeVisible();
  // No other page is reachable until the password is changed.
  await page.goto("/load-tests");
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  // A guessable password is refused under its field, and the typed fields stay.
  await page.getByTestId("password-currentPassword").fill(temporary);
  await page.getByTestId("password-newPassword").fill("password1234");
  await page.getByTestId("password-confirmPassword").fill("password1234");
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByTestId("password-newPassword-error")).toContainText("too easy to guess");
  await expect(page.getByTestId("password-currentPassword")).toHaveValue(temporary);

  await page.getByTestId("password-newPassword").fill(NEW_PASSWORD);
  await page.getByTestId("password-confirmPassword").fill(NEW_PASSWORD);
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByTestId("current-user")).toContainText(user.name, { timeout: 20_000 });
  await page.goto("/load-tests");
  await expect(page).toHaveURL(/\/load-tests$/);
  await expect(page.getByTestId("current-user")).toBeVisible();
});
