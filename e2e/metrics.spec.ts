import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";

test("/api/metrics refuses anonymous scrapes", async ({ request }) => {
  const res = await request.get("/api/metrics");
  expect(res.status()).toBe(401);
  expect(res.headers()["www-authenticate"]).toContain("Bearer");
});

test("/api/metrics serves the request histogram by route template, with no identifiers", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
  await page.goto("/admin/audit?actor=ops%40e2e.local");
  await page.goto("/no-such-page-MRN-424242");
  const res = await page.request.get("/api/metrics");
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toMatch(/vigil_console_http_request_duration_seconds_bucket\{.*route="\/admin\/audit".*status_code="200"/);
  expect(text).toMatch(/route="unmatched"/);
  expect(text).toContain("vigil_console_process_cpu_seconds_total");
  for (const leak of ["MRN-424242", "e2e.local", "ops%40", "callbackUrl"]) expect(text).not.toContain(leak);
});
