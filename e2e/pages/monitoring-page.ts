import type { Page } from "@playwright/test";

/** The Monitoring page: clinical service traffic per class and route, SLO burn, Web Vitals. */
export class MonitoringPage {
  constructor(private readonly page: Page) {}

  async goto(params: Record<string, string> = {}) {
    const q = new URLSearchParams(params).toString();
    await this.page.goto(`/monitoring${q ? `?${q}` : ""}`);
  }

  source() {
    return this.page.getByTestId("traffic-source");
  }

  scope() {
    return this.page.getByTestId("traffic-scope");
  }

  /** Requests over the range, summed over every priority class the table lists. */
  async totalRequests(params: Record<string, string> = {}): Promise<number> {
    await this.goto(params);
    const cells = this.page.locator('[data-testid^="class-table-requests-"]');
    const values = await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
    return values.reduce((a, b) => a + b, 0);
  }
}
