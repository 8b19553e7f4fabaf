import { expect, type Page } from "@playwright/test";

/** Reads the audit trail the way a compliance officer does: through Admin → Audit. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async open(filter: { action?: string; actor?: string; outcome?: string }, baseURL = "") {
    const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    await this.page.goto(`${baseURL}/admin/audit?${qs}`);
    await expect(this.page.getByTestId("audit-count")).toBeVisible();
  }

  /** Total matching events, from the "Showing n of total" line. */
  async total(): Promise<number> {
    const text = await this.page.getByTestId("audit-count").innerText();
    const m = /of (\d+) events/.exec(text);
    if (!m) throw new Error(`unexpected audit count text: ${text}`);
    return Number(m[1]);
  }

  rows() {
    return this.page.getByTestId("audit-row");
  }
}
