/**
 * `npm run bench:lighthouse`: Lighthouse 12.2.3 (Node 20) on the signed-in Overview page of a
 * production build, in Debian's Chromium, plus Chromium's own installability check (Lighthouse
 * 12 dropped its PWA category). Starts its own console and clinical service on spare ports with
 * throw-away embedded databases. Results: bench/results/lighthouse.{json,md}.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { LAUNCH } from "../e2e/support/browser";
import { waitForHttp } from "../scripts/wait-for-http";

const CONSOLE = 3310;
const CLINICAL = 4310;
const PASSWORD = "lighthouse-only-password";
const data = mkdtempSync(join(tmpdir(), "vigil-lh-"));
const children: ChildProcess[] = [];

function start(script: string, env: Record<string, string>, health: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, VIGIL_DATA_DIR: data, ...env } });
  children.push(child);
  return waitForHttp(health);
}

async function signedInCookie(): Promise<string> {
  const browser = await chromium.launch(LAUNCH);
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${CONSOLE}/login`);
  await page.getByTestId("login-email").fill("admin@vigil.local");
  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("current-user").waitFor();
  const cookies = await page.context().cookies();
  await browser.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

async function installabilityErrors(): Promise<unknown[]> {
  const profile = mkdtempSync(join(tmpdir(), "vigil-lh-profile-"));
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${CONSOLE}/login`);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    return (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await start("clinical/src/server.ts", { CLINICAL_PORT: String(CLINICAL), LOG_LEVEL: "warn" }, `http://127.0.0.1:${CLINICAL}/health`);
  await start("scripts/serve-console.ts", {
    NODE_ENV: "production", PORT: String(CONSOLE), VIGIL_ADMIN_PASSWORD: PASSWORD, CLINICAL_URL: `http://127.0.0.1:${CLINICAL}`,
  }, `http://127.0.0.1:${CONSOLE}/api/health`);
  const cookie = await signedInCookie();
  const chrome = await chromeLauncher.launch({ chromePath: LAUNCH.executablePath, chromeFlags: ["--headless=new", ...LAUNCH.args] });
  const url = `http://127.0.0.1:${CONSOLE}/`;
  const runs = [];
  try {
    // Three runs, median performance score: one Lighthouse run on a shared 2-core machine is noisy.
    for (let i = 0; i < 3; i++) {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", extraHeaders: { Cookie: cookie }, onlyCategories: ["performance", "accessibility", "best-practices"] });
      const lhr = result!.lhr;
      runs.push({
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        bestPractices: Math.round((lhr.categories["best-practices"]?.score ?? 0) * 100),
        lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
        tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
        cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
        finalUrl: lhr.finalDisplayedUrl,
      });
    }
  } finally {
    await chrome.kill();
  }
  const median = [...runs].sort((a, b) => a.performance - b.performance)[1]!;
  const installErrors = await installabilityErrors();
  const stamp = new Date().toISOString();
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/lighthouse.json", JSON.stringify({ stamp, lighthouse: "12.2.3", url, runs, median, installabilityErrors: installErrors }, null, 2) + "\n");
  const md = [
    `Lighthouse 12.2.3, default mobile emulation and simulated throttling, Debian Chromium, signed-in Overview (${stamp}); median of 3 runs.`,
    "",
    "| performance | accessibility | best practices | LCP ms | TBT ms | CLS | installable |",
    "|---:|---:|---:|---:|---:|---:|---|",
    `| ${median.performance} | ${median.accessibility} | ${median.bestPractices} | ${median.lcpMs} | ${median.tbtMs} | ${median.cls.toFixed(3)} | ${installErrors.length === 0 ? "yes" : JSON.stringify(installErrors)} |`,
  ].join("\n");
  writeFileSync("bench/results/lighthouse.md", md + "\n");
  console.log(md);
  console.log(`runs: ${runs.map((r) => r.performance).join(", ")}; final URL ${median.finalUrl}`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.kill("SIGTERM");
    setTimeout(() => rmSync(data, { recursive: true, force: true }), 1000);
  });
