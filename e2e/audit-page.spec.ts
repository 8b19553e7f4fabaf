import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { AuditPage } from "./pages/audit-page";

const COLUMNS = ["Time (UTC)", "Actor", "Role", "Action", "Target", "Outcome", "Source address"];
const FILES = { ndjson: "audit-events.ndjson", csv: "audit-events.csv", manifest: "manifest.json" } as const;

const xOf = async (l: Locator) => (await l.boundingBox())!.x;
const verify = (folder: string) => spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts", "--export", folder], { encoding: "utf8", timeout: 120_000 });

test("a compliance officer reads the columns, opens an event and verifies a downloaded export offline", async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), "vigil-e2e-audit-export-"));
  try {
    await new LoginPage(page).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);

    // Headers, aligned over the first row's cells.
    const audit = new AuditPage(page);
    await audit.open({ action: "auth.sign_in", actor: E2E.users.compliance.email });
    await expect(page.getByRole("columnheader")).toHaveText(COLUMNS);
    const first = audit.rows().first();
    const cells = first.getByRole("cell");
    await expect(cells).toHaveCount(COLUMNS.length);
    for (let i = 0; i < COLUMNS.length; i++) {
      expect(Math.abs((await xOf(page.getByRole("columnheader").nth(i))) - (await xOf(cells.nth(i)))), COLUMNS[i]).toBeLessThanOrEqual(3);
    }
    await expect(cells.nth(1)).toHaveText(E2E.users.compliance.email);
    await expect(cells.nth(2)).toHaveText("compliance");
    await expect(cells.nth(3)).toHaveText("auth.sign_in");

    // The newest sign-in's detail: a permalink with the session it started and its hashes.
    const seq = await first.getAttribute("data-seq");
    await first.getByTestId("audit-row-link").click();
    await expect(page).toHaveURL(new RegExp(`/admin/audit/${seq}$`));
    await expect(page.getByTestId("detail-action")).toHaveText("auth.sign_in");
    await expect(page.getByTestId("detail-actor")).toHaveText(E2E.users.compliance.email);
    await expect(page.getByTestId("detail-session")).toHaveText(/^[0-9a-f-]{36}$/);
    await expect(page.getByTestId("detail-source")).toHaveText(/\d|:/);
    await expect(page.getByTestId("detail-after")).toContainText('"sessionId"');
    await expect(page.getByTestId("detail-hash")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId("detail-prev-hash")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId("detail-chain-status")).toContainText("consistent");
    await expect(page.getByTestId("detail-checkpoint")).toContainText(/Covered by the checkpoint at event #\d+|Not yet covered/);

    // Export today's events: the manifest's hashes on the page, three downloads.
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`/admin/audit?from=${today}&to=${today}`);
    await page.getByTestId("audit-export-prepare").click();
    await expect(page.getByTestId("audit-export-count")).toContainText(/^\d+ events, #\d+ to #\d+/);
    for (const [format, name] of Object.entries(FILES)) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`audit-export-${format}`).click()]);
      expect(download.suggestedFilename()).toBe(name);
      await download.saveAs(join(dir, name));
    }
    for (const name of [FILES.ndjson, FILES.csv]) {
      await expect(page.getByTestId(`audit-export-sha-${name}`)).toHaveText(createHash("sha256").update(readFileSync(join(dir, name))).digest("hex"));
    }
    const manifest = JSON.parse(readFileSync(join(dir, FILES.manifest), "utf8"));
    expect(manifest.count).toBe(readFileSync(join(dir, FILES.ndjson), "utf8").trim().split("\n").length);
    expect(manifest.count).toBeGreaterThan(0);

    const intact = verify(dir);
    expect(intact.stdout).toMatch(new RegExp(`audit export intact: ${manifest.count} records`));
    expect(intact.status).toBe(0);

    // One altered line: the verifier exits 1 naming it.
    const lines = readFileSync(join(dir, FILES.ndjson), "utf8").trim().split("\n");
    lines[1] = JSON.stringify({ ...JSON.parse(lines[1]!), recorded: "2000-01-01T00:00:00.000Z" });
    writeFileSync(join(dir, FILES.ndjson), `${lines.join("\n")}\n`);
    const broken = verify(dir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/line 2 \(seq \d+\): content does not match its hash/);

    // Each download was audited.
    await audit.open({ action: "audit.export", actor: E2E.users.compliance.email });
    expect(await audit.total()).toBeGreaterThanOrEqual(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ops is refused the export download and an event's detail, and the refusals are audited", async ({ browser }) => {
  const ops = await browser.newPage();
  await new LoginPage(ops).signInAs(E2E.users.ops.email, E2E.users.ops.password);
  const now = Date.now();
  const qs = new URLSearchParams({ from: new Date(now - 86_400_000).toISOString(), to: new Date(now + 60_000).toISOString(), format: "ndjson" });
  const res = await ops.request.get(`/api/audit/export?${qs}`);
  expect(res.status()).toBe(403);
  expect(await res.text()).not.toContain("AuditEvent");
  expect((await ops.goto("/admin/audit/1"))?.status()).toBe(403);
  await ops.close();

  const compliance = await browser.newPage();
  await new LoginPage(compliance).signInAs(E2E.users.compliance.email, E2E.users.compliance.password);
  const audit = new AuditPage(compliance);
  await audit.open({ action: "access.denied", actor: E2E.users.ops.email });
  // Newest first: the detail refused (its target is the event asked for), then the download.
  await expect(audit.rows().nth(0).getByRole("cell").nth(4)).toHaveText("1");
  await expect(audit.rows().nth(1).getByRole("cell").nth(4)).toHaveText("audit.export");
  await compliance.close();
});
