import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONSOLE_CLIENT_FILE, ensureConsoleClientCredentials } from "../../lib/startup/console-client";
import { resetEnvForTests } from "../../lib/env";
import { prepareClinicalDatabase } from "../../clinical/src/seed/prepare";
import { authenticateClient } from "../../clinical/src/auth/clients";
import { openClinicalDb } from "../../clinical/src/db/query";
import { createTempDatabase } from "../support/postgres";
import { serviceGate, testPostgresUrl } from "../support/services";

/** What `npm start` does so the console's load tests authenticate with no manual step. */
describe("npm start provisions the console's clinical API client", () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-console-client-"));
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    resetEnvForTests();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps one generated pair in the data folder (0600), or uses the configured one", () => {
    delete process.env.CLINICAL_CLIENT_ID;
    delete process.env.CLINICAL_CLIENT_SECRET;
    resetEnvForTests();
    const first = ensureConsoleClientCredentials(dir);
    expect(first.id).toMatch(/^vc-console-[0-9a-f]{12}$/);
    expect(first.secret.length).toBeGreaterThanOrEqual(43);
    expect(statSync(join(dir, CONSOLE_CLIENT_FILE)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, CONSOLE_CLIENT_FILE), "utf8"))).toEqual(first);
    expect(ensureConsoleClientCredentials(dir)).toEqual(first); // a restart keeps it
    Object.assign(process.env, { CLINICAL_CLIENT_ID: "configured-id", CLINICAL_CLIENT_SECRET: "configured-secret" });
    resetEnvForTests();
    expect(ensureConsoleClientCredentials(dir)).toEqual({ id: "configured-id", secret: "configured-secret" });
  });

  it.runIf(serviceGate("PostgreSQL", Boolean(testPostgresUrl()), "set TEST_DATABASE_URL"))("registers it in the clinical database while preparing it, again on every start", async () => {
    const temp = await createTempDatabase(testPostgresUrl()!, "vigil_console_client_test");
    try {
      Object.assign(process.env, { CLINICAL_DATABASE_URL: temp.url, VIGIL_DATA_DIR: dir });
      const creds = { id: "vc-console-test01", secret: "a-console-secret-of-at-least-32-characters" };
      await prepareClinicalDatabase({ consoleClient: creds });
      await prepareClinicalDatabase({ consoleClient: { ...creds, secret: `${creds.secret}-rotated` } }); // the pair on disk wins at each start
      const db = await openClinicalDb({ url: temp.url, dataDir: "" });
      try {
        expect(await authenticateClient(db, creds.id, creds.secret)).toBeNull();
        const client = await authenticateClient(db, creds.id, `${creds.secret}-rotated`);
        expect(client?.name).toBe("console");
      } finally {
        await db.close();
      }
    } finally {
      await temp.drop();
    }
  }, 120_000);
});
