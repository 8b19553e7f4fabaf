import { test as setup } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";

// The admin creates the ops and compliance accounts the specs use, through the real UI.
setup("admin creates the ops and compliance users", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
  const users = new UsersPage(page);
  await users.goto();
  await users.createUser({ ...E2E.users.ops, name: "Olivia Ops", role: "ops" });
  await users.createUser({ ...E2E.users.compliance, name: "Cora Compliance", role: "compliance" });
});
