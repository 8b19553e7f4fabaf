import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { MonitoringPage } from "./pages/monitoring-page";

test.describe("monitoring the clinical service", () => {
  test.setTimeout(180_000);

  test("Monitoring charts traffic per class and route and leaves load tests out unless asked; the Overview shows the latest run", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    const monitoring = new MonitoringPage(page);
    await monitoring.goto();
    await expect(page.getByText("Not built yet")).toHaveCount(0);
    await expect(monitoring.source()).toHaveAttribute("data-kind", "scrape");
    await expect(monitoring.source()).toContainText("scrapes");
    await expect(monitoring.scope()).toHaveAttribute("data-include-synthetic", "false");
    await expect(page.getByTestId("web-vitals")).toBeVisible();

    // A short load test: every request it sends carries x-vigil-run.
    await page.goto("/load-tests");
    await page.getByTestId("run-scenario").selectOption("light");
    await page.getByTestId("run-duration").fill("8");
    await page.getByTestId("run-start").click();
    await expect(page).toHaveURL(/\/load-tests\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const runPath = new URL(page.url()).pathname;
    // Finished either way (a loaded machine can fail the light scenario's latency thresholds): its requests were sent.
    await expect(page.getByTestId("run-status")).toHaveText(/^(passed|failed)$/, { timeout: 90_000 });
    const runRequests = Number((await page.getByTestId("run-totals").innerText()).match(/(\d[\d,]*) requests/)![1]!.replace(/,/g, ""));
    expect(runRequests).toBeGreaterThan(0);

    // Real traffic first, then all traffic: the difference is at least the run's requests.
    await expect.poll(async () => {
      const real = await monitoring.totalRequests();
      const all = await monitoring.totalRequests({ traffic: "all" });
      return all - real;
    }, { timeout: 45_000, intervals: [2000] }).toBeGreaterThanOrEqual(runRequests);
    await expect(monitoring.scope()).toHaveAttribute("data-include-synthetic", "true");
    for (const chart of ["chart-rps", "chart-errorRatio", "chart-p50", "chart-p95", "chart-p99", "chart-burn-availability", "chart-burn-latency"]) {
      await expect(page.getByTestId(chart).locator("svg").first()).toBeVisible();
    }
    await page.getByTestId("route-table").getByRole("link", { name: "/fhir/Patient/:id", exact: true }).click();
    await expect(page).toHaveURL(/route=%2Ffhir%2FPatient%2F%3Aid/);
    await expect(page.getByTestId("route-chart-latency").locator("svg").first()).toBeVisible();
    await page.getByTestId("traffic-switch").click();
    await expect(monitoring.scope()).toHaveAttribute("data-include-synthetic", "false");

    // The Overview: the latest run, linked, with its verdict or why there is none; the SLO switch.
    await page.goto("/");
    await expect(page.getByTestId("latest-run")).toContainText("light");
    await expect(page.getByTestId("latest-run-link")).toHaveAttribute("href", runPath);
    await expect(page.getByTestId("latest-verdict").or(page.getByTestId("latest-verdict-reason"))).toBeVisible();
    const slo = page.getByTestId("slo-panel");
    await expect(slo.getByTestId("traffic-scope")).toHaveAttribute("data-include-synthetic", "false");
    await slo.getByTestId("traffic-switch").click();
    await expect(page).toHaveURL(/\?traffic=all$/);
    await expect(page.getByTestId("slo-panel").getByTestId("traffic-scope")).toHaveAttribute("data-include-synthetic", "true");
  });
});
