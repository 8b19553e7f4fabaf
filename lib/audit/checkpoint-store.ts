import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { KeyObject } from "node:crypto";
import { securePrivateTree } from "@/core/files/private-files";
import { keysFromPem, newSigningKeyPem, type SignedCheckpoint } from "./checkpoint";

/**
 * Checkpoints live in a folder outside the database (VIGIL_AUDIT_CHECKPOINT_DIR, default
 * <data>/audit-checkpoints), one file each, named by sequence so they sort in order. The
 * signing key sits beside the database, never in it (VIGIL_AUDIT_SIGNING_KEY_FILE, default
 * <data>/audit-signing-key, 0600); the folder also holds the public key for offline checks.
 */
export const PUBLIC_KEY_FILE = "audit-public-key.pem";

const fileOf = (seq: string) => `checkpoint-${seq.padStart(20, "0")}.json`;

export function loadOrCreateSigningKey(keyFile: string): { privateKey: KeyObject; publicKey: KeyObject } {
  if (!existsSync(keyFile)) writeFileSync(keyFile, newSigningKeyPem(), { mode: 0o600 });
  return keysFromPem(readFileSync(keyFile, "utf8"));
}

export function writeCheckpoint(dir: string, cp: SignedCheckpoint, publicKey: KeyObject): string {
  securePrivateTree(dir);
  const pub = join(dir, PUBLIC_KEY_FILE);
  if (!existsSync(pub)) writeFileSync(pub, publicKey.export({ type: "spki", format: "pem" }), { mode: 0o600 });
  const file = join(dir, fileOf(cp.seq));
  writeFileSync(file, `${JSON.stringify(cp, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** Every checkpoint in the folder, oldest first; a file that does not parse is reported, not skipped. */
export function readCheckpoints(dir: string): { checkpoints: SignedCheckpoint[]; unreadable: string[] } {
  if (!existsSync(dir)) return { checkpoints: [], unreadable: [] };
  const checkpoints: SignedCheckpoint[] = [];
  const unreadable: string[] = [];
  for (const f of readdirSync(dir).filter((n) => /^checkpoint-\d{20}\.json$/.test(n)).sort()) {
    try {
      checkpoints.push(JSON.parse(readFileSync(join(dir, f), "utf8")) as SignedCheckpoint);
    } catch {
      unreadable.push(f);
    }
  }
  return { checkpoints, unreadable };
}

export function readPublicKeyPem(dir: string): string | null {
  const pub = join(dir, PUBLIC_KEY_FILE);
  return existsSync(pub) ? readFileSync(pub, "utf8") : null;
}
