import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { AUTH_DEFAULTS } from "./policy";

const derive = (secret: string, salt: Buffer, keyBytes: number, o: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(secret, salt, keyBytes, { ...o, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))));

/** A new client secret: random, shown once, never stored. */
export function newClientSecret(): string {
  return randomBytes(AUTH_DEFAULTS.secretBytes).toString("base64url");
}

/** `scrypt$N$r$p$salt$hash` (base64url): the only form a secret is kept in. */
export async function hashClientSecret(secret: string): Promise<string> {
  const { N, r, p, keyBytes, saltBytes } = AUTH_DEFAULTS.scrypt;
  const salt = randomBytes(saltBytes);
  const key = await derive(secret, salt, keyBytes, { N, r, p });
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

// Checked against when the client id is unknown, so an unknown id costs the same time as a wrong secret.
let DUMMY: Promise<string> | undefined;

/** Constant-time check of `secret` against a stored hash (null: unknown client, still hashed once). */
export async function verifyClientSecret(secret: string, stored: string | null): Promise<boolean> {
  const hash = stored ?? (await (DUMMY ??= hashClientSecret(newClientSecret())));
  const [scheme, N, r, p, salt, expected] = hash.split("$");
  if (scheme !== "scrypt" || !salt || !expected) return false;
  const want = Buffer.from(expected, "base64url");
  const got = await derive(secret, Buffer.from(salt, "base64url"), want.length, { N: Number(N), r: Number(r), p: Number(p) });
  return timingSafeEqual(got, want) && stored !== null;
}
