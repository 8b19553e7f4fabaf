import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClinicalApp } from "../src/app";
import { migrateClinicalDb, openClinicalDb, type ClinicalDb } from "../src/db/query";
import { createTempDatabase } from "../../test/support/postgres";
import { testPostgresUrl } from "../../test/support/services";
import { bearer, TEST_AUTH } from "./auth-support";

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

/**
 * The two CLIs as a user runs them: clinical:client registers into the configured clinical
 * database (a temporary PostgreSQL database, or a temporary embedded one), clinical:token asks
 * a running service for a token with what it printed.
 */
describe("npm run clinical:client and clinical:token", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-auth-cli-"));
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  for (const k of ["CLINICAL_DATABASE_URL", "CLINICAL_CLIENT_ID", "CLINICAL_CLIENT_SECRET", "CLINICAL_PUBLIC_URL"]) delete env[k];
  let drop = async () => {};
  let db: ClinicalDb | undefined;
  let app: FastifyInstance | undefined;
  let url = "";
  beforeAll(async () => {
    if (testPostgresUrl()) {
      const temp = await createTempDatabase(testPostgresUrl()!, "vigil_auth_cli_test");
      env.CLINICAL_DATABASE_URL = temp.url;
      drop = temp.drop;
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("registers a client (secret printed once), then prints a token for it; refuses bad input", async () => {
    const bad = await run("scripts/clinical-client.ts", ["--name", "x", "--scopes", "patient/*.read"], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Not SMART v2 system scopes: patient/*.read");
    const reg = await run("scripts/clinical-client.ts", ["--name", "ward board", "--scopes", "system/Patient.rs system/Observation.rs"], env);
    expect(reg.code, reg.err).toBe(0);
    const id = /client id:\s+(\S+)/.exec(reg.out)?.[1];
    const secret = /client secret:\s+(\S+)/.exec(reg.out)?.[1];
    expect(id).toMatch(/^vc-/);
    expect(secret).toHaveLength(43);
    // The service opens the same database only now: PGlite has one owner process at a time.
    db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir });
    await migrateClinicalDb(db);
    const [row] = await db.query<{ secret_hash: string }>("t", "SELECT secret_hash FROM api_clients WHERE id = $1", [id]);
    expect(row!.secret_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row!.secret_hash).not.toContain(secret!);
    app = await buildClinicalApp({ db, logLevel: "silent", auth: TEST_AUTH });
    url = await app.listen({ port: 0, host: "127.0.0.1" });

    const tok = await run("scripts/clinical-token.ts", ["--url", url, "--client", id!, "--secret", secret!, "--scopes", "system/Patient.r system/Communication.c"], env);
    expect(tok.code, tok.err).toBe(0);
    const token = tok.out.trim();
    expect(decodeJwt(token)).toMatchObject({ sub: id, scope: "system/Patient.r" });
    expect((await fetch(`${url}/fhir/Patient?_count=1`, { headers: bearer(token) })).status).toBe(403); // r, not s
    expect((await fetch(`${url}/fhir/Patient/p-000001`, { headers: bearer(token) })).status).toBe(404); // authorized; no patients seeded

    const viaEnv = await run("scripts/clinical-token.ts", ["--url", url, "--scopes", "system/Observation.s"], { ...env, CLINICAL_CLIENT_ID: id, CLINICAL_CLIENT_SECRET: secret });
    expect(viaEnv.code, viaEnv.err).toBe(0);
    const wrong = await run("scripts/clinical-token.ts", ["--url", url, "--client", id!, "--secret", "nope", "--scopes", "system/Patient.r"], env);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("invalid_client");
    expect(wrong.out).toBe("");
    expect((await run("scripts/clinical-token.ts", ["--url", url, "--client", id!], env)).code).toBe(2);
  }, 120_000);
});
