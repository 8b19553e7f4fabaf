import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";

test("browsers report Web Vitals by route template; Monitoring and /api/metrics show them", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
  await page.goto("/database");
  await page.getByRole("heading", { level: 1, name: "Database", exact: true }).click(); // an interaction, for INP
  await page.goto("/monitoring"); // leaving the page flushes LCP, CLS and INP
  await expect.poll(async () => {
    await page.reload();
    return page.getByTestId("vitals-table").locator("tr[data-metric]").allInnerTexts();
  }, { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^TTFB\s+\/database/), expect.stringMatching(/^LCP\s+\/database/)]));
  await expect(page.getByTestId("vitals-chart")).toBeVisible();
  const metrics = await (await page.request.get("/api/metrics")).text();
  expect(metrics).toMatch(/vigil_console_web_vitals_seconds_bucket\{.*metric="TTFB".*route="\/database"/);
});

test("the vitals endpoint refuses anonymous and malformed reports", async ({ request, page }) => {
  expect((await request.post("/api/vitals", { data: { name: "LCP", value: 1, path: "/" } })).status()).toBe(401);
  await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
  const bad = await page.request.post("/api/vitals", { data: { name: "LCP", value: -5, path: "/" } });
  expect(bad.status()).toBe(400);
  const evil = await page.request.post("/api/vitals", { data: { name: "LCP", value: 1, path: "/patients/MRN-77" } });
  expect(evil.status()).toBe(204);
  const metrics = await (await page.request.get("/api/metrics")).text();
  expect(metrics).not.toContain("MRN-77");
});
