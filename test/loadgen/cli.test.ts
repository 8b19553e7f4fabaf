import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopbackServer } from "../../lib/engines/loadgen/test-server";
import { decodeHistogram } from "../../lib/engines/loadgen/histogram";

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ["--import", "tsx", "scripts/loadtest.ts", ...args], { env: { ...process.env, VIGIL_LOADTEST_ALLOWLIST: "" } });
    let stdout = "";
    let stderr = "";
    c.stdout.on("data", (d) => (stdout += d));
    c.stderr.on("data", (d) => (stderr += d));
    c.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe("npm run loadtest", () => {
  let ok: Awaited<ReturnType<typeof loopbackServer>>;
  let failing: Awaited<ReturnType<typeof loopbackServer>>;
  const dir = mkdtempSync(join(tmpdir(), "vigil-cli-"));
  beforeAll(async () => {
    ok = await loopbackServer((_q, r) => r.end("ok"));
    failing = await loopbackServer((_q, r) => ((r.statusCode = 500), r.end()));
  });
  afterAll(async () => {
    await ok.close();
    await failing.close();
  });

  it("exits 0 and writes the JSON result for a passing constant-rate run", async () => {
    const out = join(dir, "pass.json");
    const r = await cli(["--url", `${ok.url}/x`, "--rate", "100", "--duration", "2", "--json", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/result: PASSED/);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json).toMatchObject({ requests: 200, errors: 0, planned: 200, dropped: 0, invalid: false });
    expect(Object.keys(json.latencyMs)).toEqual(expect.arrayContaining(["p50", "p90", "p95", "p99", "p999", "max"]));
    expect(decodeHistogram(json.histogram).totalCount).toBe(200);
  });

  it("exits 1 when a threshold fails (closed loop against a failing server)", async () => {
    const r = await cli(["--url", failing.url, "--connections", "4", "--duration", "1"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ overall error_rate < 0.01/);
  });

  it("takes thresholds from the command line, replacing the defaults", async () => {
    const r = await cli(["--url", ok.url, "--rate", "50", "--duration", "1", "--threshold", "p(99) < 0.001", "--threshold", "rps >= 1 @ GET /"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ overall p\(99\) < 0.001/);
    expect(r.stdout).toMatch(/✓ GET \/ rps >= 1/);
    expect(r.stdout).not.toMatch(/error_rate/);
  });

  it.each([
    [["--url", "http://127.0.0.1:1/", "--rate", "1", "--duration", "1", "--threshold", "fast please"], /Invalid threshold/],
    [["--url", "http://169.254.169.254/latest", "--rate", "1", "--duration", "1"], /link-local/],
    [["--url", "http://10.9.9.9/", "--rate", "1", "--duration", "1"], /not on the load-test allowlist/],
    [["--url", "http://127.0.0.1:1/", "--rate", "999999", "--duration", "1"], /rate: at most/],
    [["--scenario", "nope", "--target", "http://127.0.0.1:1"], /scenario/],
    [["--bogus"], /Unknown option/],
  ])("exits 2 and sends nothing for bad input %#", async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
