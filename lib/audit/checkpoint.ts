import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "./canonical";

/**
 * A signed statement, kept outside the database, that the audit chain held `count` events up
 * to `seq`, whose hash was `hash`. Deleting the newest rows, or rewriting the whole chain with
 * fresh hashes, no longer verifies: the checkpoint names a row and hash the database must still
 * have. Signed with Ed25519 so a verifier needs only the public key.
 */
export interface Checkpoint {
  seq: string;
  hash: string;
  count: number;
  at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  signature: string;
}

export function signCheckpoint(cp: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  const body: Checkpoint = { seq: cp.seq, hash: cp.hash, count: cp.count, at: cp.at };
  return { ...body, signature: sign(null, Buffer.from(canonicalJson(body)), privateKey).toString("base64") };
}

export function checkpointSignatureOk(cp: SignedCheckpoint, publicKey: KeyObject): boolean {
  const body: Checkpoint = { seq: cp.seq, hash: cp.hash, count: cp.count, at: cp.at };
  try {
    return verify(null, Buffer.from(canonicalJson(body)), publicKey, Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}

export function newSigningKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

export function keysFromPem(privatePem: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const privateKey = createPrivateKey(privatePem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** When a checkpoint is due: every `everyEvents` new events, and at least hourly while events come in. */
export const CHECKPOINT_EVERY_EVENTS = 100;
export const CHECKPOINT_EVERY_MS = 60 * 60_000;

export function checkpointDue(last: Checkpoint | null, latest: { seq: bigint; count: number }, now: Date): boolean {
  if (latest.count === 0) return false;
  if (!last) return true;
  if (BigInt(last.seq) === latest.seq) return false;
  return latest.count - last.count >= CHECKPOINT_EVERY_EVENTS || now.getTime() - Date.parse(last.at) >= CHECKPOINT_EVERY_MS;
}
