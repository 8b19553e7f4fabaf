import { expect, test, type Page } from "@playwright/test";
import { FLOW_THRESHOLDS } from "./support/flow-thresholds";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";

async function finishedLightRun(page: Page): Promise<string> {
  await page.goto("/load-tests");
  await page.getByTestId("run-scenario").selectOption("light");
  await page.getByTestId("run-duration").fill("6");
  await page.getByTestId("run-thresholds-input").fill(FLOW_THRESHOLDS);
  await page.getByTestId("run-start").click();
  await expect(page).toHaveURL(/\/load-tests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("run-status")).toHaveText("passed", { timeout: 60_000 });
  return page.url().split("/").pop()!;
}

test.describe("baselines and verdicts on the run page", () => {
  test.setTimeout(150_000);

  test("an admin promotes a run; the next run is judged against it, with its history charted", async ({ page, browser }) => {
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    const first = await finishedLightRun(page);
    await expect(page.getByTestId("baseline-reason")).toContainText("No baseline is promoted");
    await page.getByTestId("promote-baseline-reason").fill("e2e: first light run on the fresh service");
    await page.getByTestId("promote-baseline").click();
    // The action revalidates the page: it now says so, names the noise, and offers no button.
    await expect(page.getByTestId("baseline-reason")).toHaveText("This run is the baseline.");
    await expect(page.getByTestId("baseline-verdict")).toContainText("run-to-run noise not measured (2% assumed)");
    await expect(page.getByTestId("promote-baseline")).toHaveCount(0);

    // The form warns before starting that a 6 s run cannot be judged against a baseline.
    await page.goto("/load-tests");
    await page.getByTestId("run-duration").fill("6");
    await expect(page.getByTestId("run-duration-warning")).toContainText("Ask for at least 14 s");
    await page.getByTestId("run-duration").fill("60");
    await expect(page.getByTestId("run-duration-warning")).toHaveCount(0);
    await finishedLightRun(page);
    // Six-second runs have two complete 2-second windows a side: the verdict says what is missing.
    await expect(page.getByTestId("verdict")).toHaveText("inconclusive");
    await expect(page.getByTestId("verdict-explanation")).toContainText(/need \d+ more 2-second windows/);
    // Nothing was tested: no p-value is shown, and the figures say what they are.
    await expect(page.getByTestId("verdict-p").first()).toHaveText("—");
    await expect(page.getByTestId("verdict-figures-note")).toContainText("steady-state 2-second windows");
    // The smallest change that counts is settable on the run page.
    await page.getByTestId("min-effect-input").fill("5");
    await page.getByTestId("min-effect-apply").click();
    await expect(page).toHaveURL(/minEffectMs=5/);
    await expect(page.getByTestId("baseline-verdict")).toContainText("5 ms, as set below");
    await expect(page.getByTestId("baseline-verdict")).toContainText(first.slice(0, 8));
    await expect(page.getByTestId("run-history-chart")).toBeVisible();
    await expect(page.getByTestId("change-points")).toContainText(/\d+ runs\./);

    const audit = new AuditPage(page);
    await audit.open({ action: "baseline.promote", actor: E2E.adminEmail, outcome: "success" });
    expect(await audit.total()).toBe(1);

    const ops = await (await browser.newContext()).newPage();
    await new LoginPage(ops).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await ops.goto(`/load-tests/${first}`);
    await expect(ops.getByTestId("baseline-verdict")).toBeVisible();
    await expect(ops.getByTestId("promote-baseline")).toHaveCount(0);
  });

  test("the overview shows SLOs by priority class and where their numbers come from", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
    await page.goto("/");
    await expect(page.getByTestId("slo-source")).toContainText("The console scrapes");
    await expect(page.getByTestId("slo-source")).toContainText("PROMETHEUS_URL is not set");
    for (const id of ["emergency-availability", "patient-data-latency", "all-availability"]) await expect(page.getByTestId(`slo-${id}`)).toBeVisible();
    const rules = await page.request.get("/api/monitoring/exports/vigil-slo-rules.yml");
    expect(rules.status()).toBe(200);
    expect(await rules.text()).toContain("slo:sli_error:ratio_rate1h");
    const dashboard = await (await page.request.get("/api/monitoring/exports/vigil-clinical-dashboard.json")).json();
    expect(dashboard.uid).toBe("vigil-clinical-slo");
    expect((await page.request.get("/api/monitoring/exports/passwd")).status()).toBe(404);
  });
});
