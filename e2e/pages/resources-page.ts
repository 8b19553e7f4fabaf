import { expect, type Page } from "@playwright/test";

/** The Resources page: live admission per class, charts over time from the scrapes, and the admission/rate-limit settings form. */
export class ResourcesPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/resources");
    await expect(this.page.getByTestId("admission-live")).toBeVisible();
  }
  async openRange(range: "15m" | "1h" | "6h") {
    await this.page.goto(`/resources?range=${range}`);
    await expect(this.history()).toBeVisible();
  }
  /** The "Over time" panel: charts from the console's stored scrapes. */
  history() {
    return this.page.getByTestId("resource-history");
  }
  /** Shown instead of the charts when no scrape is stored in the range. */
  historyEmpty() {
    return this.page.getByTestId("resource-history-empty");
  }
  /** A chart's figure: cpu, memory, lag, inflight-<class>, rejected, pool, p95. */
  chart(name: string) {
    return this.page.getByTestId(`chart-resource-${name}-figure`);
  }
  /** A threshold on the latest interval (cpu, memory, pool-<class>); its badge is `<testid>-status`. */
  historyThreshold(name: string) {
    return this.page.getByTestId(`history-threshold-${name}-status`);
  }
  classRow(cls: string) {
    return this.page.getByTestId(`admission-${cls}`);
  }
  setting(path: string) {
    return this.page.getByLabel(path, { exact: true });
  }
  fieldError(path: string) {
    return this.page.getByTestId(`setting-error-${path}`);
  }
  /** Every change says why (kept in the audit event). */
  async save(reason = "e2e: limiter settings for the overload test") {
    await this.page.getByTestId("resource-settings-reason").fill(reason);
    await this.page.getByTestId("resource-settings-save").click();
  }
  effect() {
    return this.page.getByTestId("resource-settings-effect");
  }
  saveButton() {
    return this.page.getByTestId("resource-settings-save");
  }
}
