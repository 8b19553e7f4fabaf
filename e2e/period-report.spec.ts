import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const SECTIONS = ["report-slo", "report-alerts", "report-changes", "report-refusals", "report-signin", "report-breakglass", "report-chain"];

test("a compliance officer generates a period report and downloads its CSV, PDF and manifest with matching SHA-256", async ({ page }) => {
  test.setTimeout(180_000);
  await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
  await page.getByRole("link", { name: "Period report" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByTestId("report-choose-period")).toBeVisible();

  await page.getByTestId("report-from").fill(day(-1));
  await page.getByTestId("report-to").fill(day(1));
  await page.getByTestId("report-generate").click();
  for (const s of SECTIONS) await expect(page.getByTestId(s)).toBeVisible();
  // The compliance officer's own sign-in is in the period; the chain verifies.
  await expect(page.getByTestId("report-chain-status")).toHaveText("Chain verified");
  await expect(page.getByTestId("report-alerts-note")).toContainText("exported burn-rate rules");
  await page.screenshot({ path: "docs/report.png", fullPage: true });

  const download = async (testId: string) => {
    const [d] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), page.getByTestId(testId).click()]);
    return { name: d.suggestedFilename(), body: readFileSync((await d.path())!) };
  };
  const csv = await download("report-download-csv");
  expect(csv.body.toString("utf8")).toMatch(/^# report,from,to,through_seq,as_of\r\n/);
  const pdf = await download("report-download-pdf");
  expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const manifest = JSON.parse((await download("report-download-manifest")).body.toString("utf8")) as { files: { name: string; bytes: number; sha256: string }[] };
  expect(manifest.files).toEqual([
    { name: csv.name, bytes: csv.body.length, sha256: sha256(csv.body) },
    { name: pdf.name, bytes: pdf.body.length, sha256: sha256(pdf.body) },
  ]);

  // The printable page: the same report without the console's navigation.
  const href = await page.getByTestId("report-print-link").getAttribute("href");
  await page.goto(href!);
  await expect(page.getByTestId("print-report")).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("ops is refused the report and its downloads", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
  await expect(page.getByRole("link", { name: "Period report" })).toHaveCount(0);
  const res = await page.goto("/reports");
  expect(res!.status()).toBe(403);
  const csv = await page.request.get(`/api/reports/period/csv?from=${day(-1)}&to=${day(1)}`);
  expect(csv.status()).toBe(403);
});
