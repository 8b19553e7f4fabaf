import { expect, type Page } from "@playwright/test";

/** The Resources page: live admission per class and the admission/rate-limit settings form. */
export class ResourcesPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/resources");
    await expect(this.page.getByTestId("admission-live")).toBeVisible();
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
  async save() {
    await this.page.getByTestId("resource-settings-save").click();
  }
  effect() {
    return this.page.getByTestId("resource-settings-effect");
  }
  saveButton() {
    return this.page.getByTestId("resource-settings-save");
  }
}
