import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";

const SIZES = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
];

for (const size of SIZES) {
  test.describe(`tablet ${size.width}x${size.height}`, () => {
    test.use({ viewport: size, hasTouch: true, isMobile: true });

    test("signs in and navigates by touch, with no sideways scrolling", async ({ page }, info) => {
      await page.goto("/login");
      await page.getByTestId("login-email").tap();
      await page.getByTestId("login-email").fill(E2E.users.ops.email);
      await page.getByTestId("login-password").fill(E2E.users.ops.password);
      await page.getByTestId("login-submit").tap();
      await expect(page.getByTestId("current-user")).toBeVisible();
      await page.getByRole("link", { name: "Monitoring" }).tap();
      await expect(page).toHaveURL(/\/monitoring$/);
      await page.getByRole("link", { name: "Overview" }).tap();
      await expect(page.getByTestId("clinical-status")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Touch targets: nav links at least 44 px tall.
      for (const box of await page.getByTestId("main-nav").getByRole("link").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
        expect(box).toBeGreaterThanOrEqual(44);
      }
      const path = `e2e/artifacts/screenshots/overview-${size.width}x${size.height}.png`;
      await page.screenshot({ path, fullPage: true });
      await info.attach(`overview-${size.width}x${size.height}`, { path, contentType: "image/png" });
    });
  });
}
