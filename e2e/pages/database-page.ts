import type { Page } from "@playwright/test";

/** The Database page: insight, suggestions and the Optimize flow. */
export class DatabasePage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/database");
  }

  insight() {
    return this.page.getByTestId("insight");
  }

  topQueries() {
    return this.page.getByTestId("top-queries");
  }

  tableStats() {
    return this.page.getByTestId("table-stats");
  }

  indexStats() {
    return this.page.getByTestId("index-stats");
  }

  cacheHit() {
    return this.page.getByTestId("cache-hit");
  }

  /** Runs the advisor on the statements called at least `minCalls` times. */
  async advise(minCalls: number) {
    await this.page.getByTestId("advise-form").locator('input[name="minCalls"]').fill(String(minCalls));
    await this.page.getByTestId("advise-submit").click();
  }

  suggestions() {
    return this.page.getByTestId("suggestion");
  }

  adviceMethod() {
    return this.page.getByTestId("advice-method");
  }

  optimizeStart() {
    return this.page.getByTestId("optimize-start");
  }
}
