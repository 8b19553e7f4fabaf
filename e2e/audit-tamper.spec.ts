import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E, e2eDatabaseUrl, e2eDataDir } from "./support/config";
import { LoginPage } from "./pages/login-page";

const url = e2eDatabaseUrl(E2E.main.name);

test("the verifier flags an audit row altered behind the application's back, on the Audit page and in the terminal", async ({ page }) => {
  // With embedded PGlite the running console owns its folder, so no second process may open it.
  test.skip(!url && process.env.VIGIL_REQUIRE_ALL !== "1", "needs PostgreSQL: set TEST_DATABASE_URL");
  expect(url, "VIGIL_REQUIRE_ALL=1 needs TEST_DATABASE_URL for this test").toBeTruthy();
  // The console's own data folder: its signed audit checkpoints are there.
  const env = { ...process.env, DATABASE_URL: url!, VIGIL_DATA_DIR: e2eDataDir(E2E.main.name) };
  const intact = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env, encoding: "utf8", timeout: 120_000 });
  expect(intact.stdout).toMatch(/audit chain intact: \d+ events verified/);
  expect(intact.status).toBe(0);
  await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
  await page.goto("/admin/audit");
  await page.getByTestId("audit-verify-run").click();
  await expect(page.getByTestId("audit-verify-status")).toHaveText("intact");
  await expect(page.getByTestId("audit-verify-result")).toContainText(/\d+ events verified; (checked against \d+ signed checkpoint|no signed checkpoint yet)/);

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ seq: string; outcome: string }>("SELECT seq::text, outcome FROM audit_events WHERE action = 'auth.sign_in' ORDER BY seq LIMIT 1");
  const { seq, outcome } = rows[0]!;
  // What an attacker with table-owner rights would do: switch the trigger off and rewrite history.
  await c.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
  await c.query("UPDATE audit_events SET outcome = 'failure' WHERE seq = $1", [seq]);
  await c.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
  try {
    await expect(c.query("UPDATE audit_events SET outcome = 'success' WHERE seq = $1", [seq])).rejects.toThrow(/append-only/);

    const broken = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env, encoding: "utf8", timeout: 120_000 });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`BROKEN at event seq=${seq}`);
    await page.getByTestId("audit-verify-run").click();
    await expect(page.getByTestId("audit-verify-status")).toHaveText("broken");
    await expect(page.getByTestId("audit-verify-result")).toContainText(`broken at event ${seq}:`);
  } finally {
    // Put the row back, so the specs after this one (the period report verifies the chain) find it intact.
    await c.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
    await c.query("UPDATE audit_events SET outcome = $2 WHERE seq = $1", [seq, outcome]);
    await c.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
    await c.end();
  }
  const restored = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env, encoding: "utf8", timeout: 120_000 });
  expect(restored.status, restored.stderr).toBe(0);
});
