import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "../../lib/env";

/** Points the audit checkpoints and their signing key at a fresh folder for the enclosing describe block. */
export function useAuditAnchorDir(): { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "vigil-checkpoints-"));
  beforeAll(() => {
    process.env.VIGIL_AUDIT_CHECKPOINT_DIR = join(dir, "checkpoints");
    process.env.VIGIL_AUDIT_SIGNING_KEY_FILE = join(dir, "signing-key");
    resetEnvForTests();
  });
  afterAll(() => {
    delete process.env.VIGIL_AUDIT_CHECKPOINT_DIR;
    delete process.env.VIGIL_AUDIT_SIGNING_KEY_FILE;
    resetEnvForTests();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir };
}
