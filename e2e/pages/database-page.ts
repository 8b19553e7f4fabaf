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

  optimizeStart() {
    return this.page.getByTestId("optimize-start");
  }
}
