import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopbackServer } from "@/core/engines/loadgen/test-server";
import { mulberry32 } from "@/core/engines/random";

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/loadtest.ts", ...args], { env: { ...process.env, VIGIL_LOADTEST_ALLOWLIST: "", DATABASE_URL: "" } });
    let stdout = "";
    let stderr = "";
    c.stdout.on("data", (d) => (stdout += d));
    c.stderr.on("data", (d) => (stderr += d));
    c.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A server answering after `baseMs` plus seeded jitter: the "build" whose latency we control. */
async function slowServer(baseMs: number, seed: number, jitterMs = 40) {
  const random = mulberry32(seed);
  return loopbackServer((_q, r) => void setTimeout(() => r.end("ok"), baseMs + random() * jitterMs));
}

describe("regression gate: npm run loadtest -- --baseline", { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-gate-"));
  const servers: Awaited<ReturnType<typeof loopbackServer>>[] = [];
  beforeAll(async () => {
    servers.push(await slowServer(100, 1));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  // One baseline and two candidates side by side (about 2 minutes): a 100 → 160 ms regression was
  // a second, longer copy of this scenario, and its checks of the words and JSON now live here.
  // 60 s runs: after the 10% warm-up (6 s), ten complete 5-second windows per run (the window
  // length follows the run's length). The two candidates go side by side against their own servers.
  it("exits 3 when a fast endpoint goes from 20 to 30 ms and 0 for its A/A twin, with the evidence in words and JSON: 60 s at 100 req/s", async () => {
    // The old fixed 50 ms floor let both exit 0; the default floor is 5% of the baseline p95.
    const fast = [await slowServer(20, 11, 4), await slowServer(20, 12, 4), await slowServer(30, 13, 4)];
    servers.push(...fast);
    const [base, same, slowed] = fast;
    const FAST = ["--rate", "100", "--duration", "60"];
    const baseline = join(dir, "fast-baseline.json");
    const first = await cli(["--url", `${base!.url}/fhir/Observation`, ...FAST, "--json", baseline]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/warning/);
    const [sameRun, slowRun] = await Promise.all([
      cli(["--url", `${same!.url}/fhir/Observation`, ...FAST, "--baseline", baseline, "--json", join(dir, "fast-same.json")]),
      cli(["--url", `${slowed!.url}/fhir/Observation`, ...FAST, "--baseline", baseline, "--json", join(dir, "fast-slow.json")]),
    ]);
    expect(slowRun.code, slowRun.stdout + slowRun.stderr).toBe(3);
    expect(slowRun.stdout).toMatch(/against baseline .*fast-baseline\.json: REGRESSION/);
    expect(slowRun.stdout).toMatch(/p95 rose from \d+ ms to \d+ ms/);
    const slow = JSON.parse(readFileSync(join(dir, "fast-slow.json"), "utf8"));
    expect(slow.comparison.verdict).toBe("regression");
    expect(slow.windowS).toBe(5);
    const p95 = slow.comparison.comparisons.find((c: { metric: string }) => c.metric === "p95");
    expect(p95).toMatchObject({ outcome: "regression", nBaseline: 10, nCandidate: 10 });
    expect(p95.floorMs).toBeLessThan(2); // 5% of a ~24 ms p95
    expect(slowRun.stdout).toMatch(/checks \(median over the steady-state windows of each window's percentile, warm-up excluded\)/);

    expect(sameRun.code, sameRun.stdout + sameRun.stderr).toBe(0);
    expect(sameRun.stdout).not.toMatch(/REGRESSION/);
    expect(JSON.parse(readFileSync(join(dir, "fast-same.json"), "utf8")).comparison.verdict).toBe("no-change");
  });

  it("exits 4 when the comparison is inconclusive (too short to judge), 0 with --allow-inconclusive", async () => {
    // A 60 s baseline with twelve 5-second windows per endpoint, written as `--json` writes it.
    const baseline = join(dir, "sixty.json");
    const windows = Array.from({ length: 12 }, (_, i) => ({ startS: i * 5, requests: 100, errors: 0, p50: 20, p95: 25, p99: 30 }));
    writeFileSync(baseline, JSON.stringify({ durationS: 60, windowS: 5, windows: { "GET /fhir/Observation": windows } }));
    // error_rate < 1: a threshold this run passes however loaded the machine, so only the verdict decides.
    const short = ["--url", `${servers[0]!.url}/fhir/Observation`, "--rate", "20", "--duration", "5", "--threshold", "error_rate < 1", "--baseline", baseline];
    const [strict, allowed] = await Promise.all([cli(short), cli([...short, "--allow-inconclusive"])]);
    expect(strict.code, strict.stdout + strict.stderr).toBe(4);
    expect(strict.stderr).toMatch(/warning: a 5 s run has 1 steady-state 2-second windows/);
    expect(strict.stdout).toMatch(/: INCONCLUSIVE/);
    expect(strict.stdout).toMatch(/exit 4: the gate could not judge/);
    expect(allowed.code, allowed.stdout + allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/inconclusive allowed \(--allow-inconclusive\): exit 0/);
  });

  it("refuses an unusable baseline before sending any load (exit 2)", async () => {
    const r = await cli(["--url", servers[0]!.url, "--rate", "1", "--duration", "1", "--baseline", join(dir, "missing.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/baseline: .*does not exist/);
    const db = await cli(["--scenario", "light", "--target", servers[0]!.url, "--baseline", "latest"]);
    expect(db.code).toBe(2);
    expect(db.stderr).toMatch(/set DATABASE_URL/);
  });
});
