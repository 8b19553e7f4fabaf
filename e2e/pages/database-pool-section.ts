import type { Page } from "@playwright/test";

/** The Database page's priority connection pools section. */
export class DatabasePoolSection {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/database");
  }

  section() {
    return this.page.getByTestId("pool-section");
  }

  usageRow(cls: string) {
    return this.page.getByTestId(`pool-usage-${cls}`);
  }

  reserved(cls: string) {
    return this.page.getByLabel(`${cls} reserved`);
  }

  size() {
    return this.page.getByTestId("pool-size");
  }

  /** Every change says why (kept in the audit event). */
  async save(reason = "e2e: pool sized for the morning-rounds test") {
    await this.page.getByTestId("pool-reason").fill(reason);
    await this.page.getByTestId("pool-save").click();
  }

  effect() {
    return this.page.getByTestId("pool-effect");
  }

  form() {
    return this.page.getByTestId("pool-form");
  }
}
