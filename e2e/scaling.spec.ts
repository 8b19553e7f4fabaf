import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";
import { ScalingPage } from "./pages/scaling-page";

test.describe("scaling page", () => {
  test("an admin edits the policy (bad input named per field), starts a surge, and sees forecasts, simulation and downloads", async ({ page }) => {
    test.setTimeout(120_000);
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    const scaling = new ScalingPage(page);
    await scaling.goto();

    // Bad input is rejected with the field named, and nothing is saved.
    await scaling.field("minReplicas").fill("9");
    await scaling.field("maxReplicas").fill("3");
    await scaling.field("timeZone").fill("Mars/Olympus");
    await scaling.save("testing validation");
    await expect(scaling.error("minReplicas")).toContainText("above maxReplicas");
    await expect(scaling.error("timeZone")).toContainText("unknown time zone");

    await scaling.field("minReplicas").fill("2");
    await scaling.field("maxReplicas").fill("12");
    await scaling.field("timeZone").fill("Europe/Paris");
    await scaling.field("schedules.2.name").fill("ward-b");
    await scaling.field("schedules.2.days").fill("mon");
    await scaling.field("schedules.2.start").fill("08:00");
    await scaling.field("schedules.2.end").fill("10:00");
    await scaling.field("schedules.2.minReplicas").fill("3");
    await scaling.save("overlapping window");
    await expect(scaling.error("schedules.2")).toContainText('overlaps schedule "morning-rounds"');

    await scaling.field("schedules.2.name").fill("");
    await scaling.save("winter peak");
    await expect(page.getByTestId("scaling-policy-saved")).toContainText(/Saved version \d+/);
    await page.reload();
    await expect(scaling.field("maxReplicas")).toHaveValue("12");
    await expect(scaling.version).toContainText("winter peak");

    // A surge without an expiry is refused; with one it runs and says when it ends.
    await scaling.startSurge("", "mass casualty drill");
    await expect(scaling.error("surge-minutes")).toContainText("needs an expiry");
    await scaling.startSurge("30", "mass casualty drill");
    await expect(scaling.surgeStatus).toContainText(/Surge active: ×2 until .* UTC/);

    // Forecasts carry their backtest; the simulation names its data synthetic; charts load.
    await expect(page.getByTestId("forecast-synthetic-backtest")).toContainText("MASE");
    await expect(page.getByTestId("forecast-synthetic-chart")).toBeVisible();
    await expect(page.getByTestId("simulation")).toContainText("Synthetic hospital week");
    await expect(scaling.simulationTable.locator("tbody tr")).toHaveCount(3);
    await expect(page.getByTestId("capacity-chart")).toBeVisible();
    await expect(page.getByTestId("simulation-goal")).toContainText(/goal is (met|not met)/);

    const download = await page.request.get("/api/scaling/kubernetes/clinical-keda.yaml");
    expect(download.status()).toBe(200);
    const text = await download.text();
    expect(text).toContain("kind: ScaledObject");
    expect(text).toContain("timezone: Europe/Paris");
    expect(text).toContain("maxReplicaCount: 12");

    const audit = new AuditPage(page);
    await audit.open({ action: "scaling.policy.update", actor: E2E.adminEmail, outcome: "success" });
    expect(await audit.total()).toBeGreaterThanOrEqual(1);
  });

  test("ops sees the page read-only; signed-out downloads are refused", async ({ page, request }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    const scaling = new ScalingPage(page);
    await scaling.goto();
    await expect(scaling.field("minReplicas")).toBeDisabled();
    await expect(page.getByTestId("scaling-policy-save")).toHaveCount(0);
    await expect(page.getByTestId("surge-form")).toHaveCount(0);
    await expect(page.getByTestId("scaler-status")).toBeVisible();
    // A request context of its own, with no cookies: clearing the page's cookies raced with the
    // page's own polling, whose answers renew the session cookie (seen once in .ci/run).
    const refused = await request.get("/api/scaling/kubernetes/clinical-hpa.yaml");
    expect(refused.status()).toBe(401);
  });
});
