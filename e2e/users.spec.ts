import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";

test("a guessable password is refused under its field and what was typed stays in the form", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
  const users = new UsersPage(page);
  await users.goto();
  const typed = { email: "weak-password@e2e.local", name: "Weak Password", role: "compliance" as const, password: "password1234" };
  await users.submitNewUser(typed);
  await expect(page.getByTestId("new-user-password-error")).toContainText("too easy to guess");
  await expect(users.field("email")).toHaveValue(typed.email);
  await expect(users.field("name")).toHaveValue(typed.name);
  await expect(users.field("role")).toHaveValue(typed.role);
  await expect(users.row(typed.email)).toHaveCount(0);
});
