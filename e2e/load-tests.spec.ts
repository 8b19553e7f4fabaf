import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";
import { FLOW_THRESHOLDS } from "./support/flow-thresholds";

test.describe("load tests from the console", () => {
  test.setTimeout(120_000);

  test("ops starts a run against the clinical service, watches it live, then reads it", async ({ page, browser }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await page.goto("/load-tests");
    await page.getByTestId("run-scenario").selectOption("light");
    await page.getByTestId("run-duration").fill("8");
    await page.getByTestId("run-thresholds-input").fill(FLOW_THRESHOLDS); // see baselines.spec.ts
    await page.getByTestId("run-start").click();
    await expect(page).toHaveURL(/\/load-tests\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("run-status")).toHaveText("running");
    await expect(page.getByTestId("run-live")).toBeVisible();
    await expect(page.getByTestId("run-series-chart")).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId("run-status")).toHaveText("passed", { timeout: 60_000 });
    await expect(page.getByTestId("run-endpoints")).toContainText("patient lookup: read patient");
    await expect(page.getByTestId("run-latency")).toContainText("p99");
    await expect(page.getByTestId("latency-distribution-chart")).toBeVisible();
    const runUrl = page.url();
    const csv = await (await page.request.get(`/api/runs/${runUrl.split("/").pop()}?format=csv`)).text();
    expect(csv.split("\n")[0]).toBe("second,requests,errors,p50_ms,p95_ms,p99_ms");
    expect(csv.split("\n").length).toBeGreaterThan(5);

    await page.goto("/load-tests?status=passed");
    await expect(page.getByTestId("run-row").first()).toContainText("light");

    const admin = await (await browser.newContext()).newPage();
    await new LoginPage(admin).signInAs(E2E.adminEmail, E2E.adminPassword);
    const audit = new AuditPage(admin);
    await audit.open({ action: "run.start", actor: E2E.users.ops.email, outcome: "success" });
    expect(await audit.total()).toBeGreaterThanOrEqual(1);
  });

  test("a running run can be stopped and keeps what it measured", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await page.goto("/load-tests");
    await page.getByTestId("run-scenario").selectOption("normal");
    await page.getByTestId("run-duration").fill("120");
    await page.getByTestId("run-start").click();
    await expect(page.getByTestId("run-status")).toHaveText("running");
    await expect(page.getByTestId("run-totals")).toContainText(/[1-9]\d* requests/, { timeout: 15_000 });
    // Thresholds are shown while the run goes, evaluated on what it measured so far.
    await expect(page.getByTestId("thresholds-live")).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId("run-thresholds")).toContainText("p(95) < 2000");
    await page.getByTestId("run-abort").click();
    await expect(page.getByTestId("run-status")).toHaveText("cancelled", { timeout: 20_000 });
    await expect(page.getByTestId("run-totals")).toContainText(/[1-9]\d* requests/);
  });

  test("compliance can read runs but has no start form", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
    await page.goto("/load-tests");
    await expect(page.getByTestId("start-run-form")).toHaveCount(0);
    await expect(page.getByTestId("run-filters")).toBeVisible();
  });

  test("a threshold naming an endpoint the scenario does not have is refused before start, naming its endpoints", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await page.goto("/load-tests");
    await page.getByTestId("run-scenario").selectOption("morning-rounds");
    await expect(page.getByTestId("run-endpoints-hint")).toContainText("round visit: census");
    await page.getByTestId("run-thresholds-input").fill("p(95) < 500 @ vital signs: latest vitals");
    await page.getByTestId("run-start").click();
    await expect(page.getByTestId("start-run-form")).toContainText('morning-rounds has no endpoint "vital signs: latest vitals"; its endpoints are: round visit: census');
    await expect(page).toHaveURL(/\/load-tests$/);
  });

  test("a target off the allowlist is refused with a clear message", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await page.goto("/load-tests");
    await page.getByTestId("run-target").fill("http://169.254.169.254/latest/meta-data");
    await page.getByTestId("run-start").click();
    await expect(page.getByTestId("run-start-error")).toContainText("link-local");
    await expect(page).toHaveURL(/\/load-tests$/);
  });
});
