import { defineConfig } from "@playwright/test";
import { E2E } from "./e2e/support/config";
import { LAUNCH } from "./e2e/support/browser";

const consoleServer = (which: "main" | "idle", port: number) => ({
  command: `npx tsx e2e/support/serve.ts ${which}`,
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/artifacts/results",
  // The specs share two servers and their audit trails; run them one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E.main.port}`,
    launchOptions: LAUNCH,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: [
    consoleServer("main", E2E.main.port),
    consoleServer("idle", E2E.idle.port),
    {
      command: `npx tsx e2e/support/serve-clinical.ts`,
      url: `http://127.0.0.1:${E2E.clinicalPort}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
