import { expect, type Page } from "@playwright/test";

export class ScalingPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/scaling");
    await expect(this.page.getByRole("heading", { name: "Scaling", level: 1 })).toBeVisible();
  }

  field(name: string) {
    return this.page.getByTestId(`field-${name}`);
  }

  error(name: string) {
    return this.page.getByTestId(`error-${name}`);
  }

  async save(reason: string) {
    await this.field("reason").fill(reason);
    await this.page.getByTestId("scaling-policy-save").click();
  }

  async startSurge(minutes: string, reason: string) {
    await this.page.getByTestId("surge-minutes").fill(minutes);
    await this.page.getByTestId("surge-reason").fill(reason);
    await this.page.getByTestId("surge-start").click();
  }

  get version() {
    return this.page.getByTestId("scaling-policy-version");
  }
  get surgeStatus() {
    return this.page.getByTestId("surge-status");
  }
  get simulationTable() {
    return this.page.getByTestId("simulation-table");
  }
}
