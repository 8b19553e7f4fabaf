import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(baseURL?: string) {
    await this.page.goto(`${baseURL ?? ""}/login`);
  }

  async signIn(email: string, password: string) {
    await this.page.getByTestId("login-email").fill(email);
    await this.page.getByTestId("login-password").fill(password);
    await this.page.getByTestId("login-submit").click();
  }

  /** Signs in and waits for the console shell. */
  async signInAs(email: string, password: string, baseURL?: string) {
    await this.goto(baseURL);
    await this.signIn(email, password);
    // The first sign-in renders the Overview cold; a loaded CI machine needs more than 5 s.
    await expect(this.page.getByTestId("current-user")).toBeVisible({ timeout: 20_000 });
  }

  error() {
    return this.page.getByTestId("login-error");
  }
}
