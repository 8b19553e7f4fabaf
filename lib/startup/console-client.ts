import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "../env";

export const CONSOLE_CLIENT_FILE = "clinical-console-client.json";

/**
 * The console's API client on the clinical service when `npm start` runs both: the configured
 * CLINICAL_CLIENT_ID / CLINICAL_CLIENT_SECRET, else the pair kept in the data folder (0600),
 * else a new pair written there. start.ts registers it in the clinical database (a hash of the
 * secret only) and hands it to the console, so load tests authenticate with no manual step.
 */
export function ensureConsoleClientCredentials(dataDir: string): { id: string; secret: string } {
  const e = env();
  if (e.CLINICAL_CLIENT_ID && e.CLINICAL_CLIENT_SECRET) return { id: e.CLINICAL_CLIENT_ID, secret: e.CLINICAL_CLIENT_SECRET };
  const file = join(dataDir, CONSOLE_CLIENT_FILE);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { id?: unknown; secret?: unknown };
    if (typeof saved.id === "string" && typeof saved.secret === "string") return { id: saved.id, secret: saved.secret };
  }
  const made = { id: `vc-console-${randomBytes(6).toString("hex")}`, secret: randomBytes(32).toString("base64url") };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(made), { mode: 0o600 });
  return made;
}
