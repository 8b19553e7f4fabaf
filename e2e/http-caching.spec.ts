import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";

test("hashed static assets are immutable; signed-in pages and run data are private and never stored", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
  const html = await page.request.get("/");
  expect(html.headers()["cache-control"]).toMatch(/private/);
  expect(html.headers()["cache-control"]).toMatch(/no-store/);
  const asset = /\/_next\/static\/[^"']+\.js/.exec(await html.text())?.[0];
  expect(asset).toBeTruthy();
  expect((await page.request.get(asset!)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const runs = await page.request.get("/api/monitoring/exports/prometheus.yml");
  expect(runs.headers()["cache-control"]).toBe("private, no-store");
});
