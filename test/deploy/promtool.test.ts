/**
 * Runs the real `promtool` against the generated rules and the rule unit tests, and checks the
 * committed deploy/ exports are fresh. Skipped without promtool unless VIGIL_REQUIRE_ALL=1.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { staleFiles } from "../../lib/tooling/generated-files";
import { monitoringFiles, PROMETHEUS_CONFIG_PATH, RULES_TEST_PATH } from "../../core/engines/slo/export";
import { prometheusRulesYaml } from "../../core/engines/slo/prometheus-rules";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const hasPromtool = spawnSync("promtool", ["--version"], { stdio: "ignore" }).status === 0;
const requireAll = process.env.VIGIL_REQUIRE_ALL === "1";

function promtool(...args: string[]): string {
  return execFileSync("promtool", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("monitoring exports", () => {
  it("deploy/ files equal freshly generated output (run npx tsx scripts/export-monitoring.ts)", () => {
    expect(staleFiles(monitoringFiles(), ROOT)).toEqual([]);
  });
});

describe("promtool", () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-slo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is installed when VIGIL_REQUIRE_ALL=1 requires the promtool checks to run", () => {
    expect(hasPromtool || !requireAll, "promtool is not on PATH but VIGIL_REQUIRE_ALL=1 requires the promtool checks").toBe(true);
  });

  it.skipIf(!hasPromtool)("accepts the generated rule file (promtool check rules)", () => {
    const file = join(dir, "vigil-slo-rules.yml");
    writeFileSync(file, prometheusRulesYaml());
    expect(promtool("check", "rules", file)).toMatch(/SUCCESS: 93 rules found/);
  });

  it.skipIf(!hasPromtool)("accepts the Prometheus config (promtool check config)", () => {
    expect(promtool("check", "config", PROMETHEUS_CONFIG_PATH)).toMatch(/is valid prometheus config file syntax/);
  });

  it.skipIf(!hasPromtool)("passes the burn-rate alert unit tests (promtool test rules)", () => {
    expect(promtool("test", "rules", RULES_TEST_PATH)).toMatch(/SUCCESS/);
  }, 180_000); // ~10 s of rule evaluation on an idle machine

  it.skipIf(!hasPromtool)("passes the resource threshold alert unit tests (CPU 70 %, memory 80 %)", () => {
    expect(promtool("test", "rules", "deploy/prometheus/tests/vigil-resource-rules.test.yml")).toMatch(/SUCCESS/);
  }, 180_000);
});
