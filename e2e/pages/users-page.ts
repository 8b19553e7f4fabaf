import { expect, type Page } from "@playwright/test";
import type { Role } from "../../lib/auth/roles";

export class UsersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    return this.page.goto("/admin/users");
  }

  row(email: string) {
    return this.page.getByTestId(`user-row-${email}`);
  }

  async createUser(u: { email: string; name: string; role: Role; password: string }) {
    await this.page.getByTestId("new-user-email").fill(u.email);
    await this.page.getByTestId("new-user-name").fill(u.name);
    await this.page.getByTestId("new-user-role").selectOption(u.role);
    await this.page.getByTestId("new-user-password").fill(u.password);
    await this.page.getByTestId("new-user-reason").fill(`e2e: account for ${u.name}`);
    await this.page.getByTestId("create-user-submit").click();
    await expect(this.page.getByTestId("create-user-result")).toHaveText("User created.");
    await expect(this.row(u.email)).toBeVisible();
  }

  /** Fills and submits the form without expecting success. */
  async submitNewUser(u: { email: string; name: string; role: Role; password: string }) {
    await this.page.getByTestId("new-user-email").fill(u.email);
    await this.page.getByTestId("new-user-name").fill(u.name);
    await this.page.getByTestId("new-user-role").selectOption(u.role);
    await this.page.getByTestId("new-user-password").fill(u.password);
    await this.page.getByTestId("new-user-reason").fill(`e2e: account for ${u.name}`);
    await this.page.getByTestId("create-user-submit").click();
  }

  field(name: "email" | "name" | "role" | "password") {
    return this.page.getByTestId(`new-user-${name}`);
  }

  async toggleDisabled(email: string, reason = "e2e: account no longer needed") {
    await this.row(email).getByTestId("disable-reason").fill(reason);
    await this.row(email).getByTestId("toggle-disabled").click();
  }
}
