import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AUTH_DEFAULTS } from "./policy";

export const TOKEN_KEY_FILE = "clinical-token-key";

/**
 * The HS256 key that signs and verifies access tokens: CLINICAL_TOKEN_KEY (64 hex characters)
 * when set, which every instance of a deployment must share; otherwise generated once into the
 * data folder (0600, folder 0700) and read back on later starts. `wx` makes the first writer win
 * when cluster workers start together; the others read what it wrote.
 */
export function tokenSigningKey(envKey: string | undefined, dataDir: string): Uint8Array {
  if (envKey) return Buffer.from(envKey, "hex");
  const file = join(dataDir, TOKEN_KEY_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(AUTH_DEFAULTS.signingKeyBytes).toString("hex"), { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as { code?: string }).code !== "EEXIST") throw err;
  }
  const hex = readFileSync(file, "utf8").trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} does not hold a 64-hex-character key; delete it to generate a new one`);
  return Buffer.from(hex, "hex");
}
