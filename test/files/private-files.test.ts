import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/core/db/sql-client";
import { exposedEntries, securePrivateTree } from "@/core/files/private-files";

const base = mkdtempSync(join(tmpdir(), "vigil-perm-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const mode = (p: string) => statSync(p).mode & 0o777;

describe("private data folders", () => {
  it("tightens folders to 0700 and files to 0600, and says how many it changed", () => {
    const root = join(base, "tree");
    mkdirSync(join(root, "sub"), { recursive: true, mode: 0o755 });
    writeFileSync(join(root, "sub", "f"), "x", { mode: 0o666 });
    chmodSync(join(root, "sub", "f"), 0o666);
    chmodSync(root, 0o755);
    expect(exposedEntries(root)).toHaveLength(3);
    expect(securePrivateTree(root)).toBe(3);
    expect([mode(root), mode(join(root, "sub")), mode(join(root, "sub", "f"))]).toEqual([0o700, 0o700, 0o600]);
    expect(exposedEntries(root)).toEqual([]);
    expect(securePrivateTree(root)).toBe(0);
  });

  it("leaves no world-writable file in a freshly created embedded database", { timeout: 120_000 }, async () => {
    const dir = join(base, "data", "clinical");
    const db = await openPglite(dir);
    await db.close();
    expect(exposedEntries(dir)).toEqual([]);
  });
});
