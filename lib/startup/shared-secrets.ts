import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { securePrivateTree } from "@/core/files/private-files";
import { join } from "node:path";

/** Reads a secret from the environment, else from the data folder, else generates it there (0600). */
function ensure(name: string, file: string, make: () => string): string {
  const existing = process.env[name];
  if (existing) return existing;
  if (existsSync(file)) return (process.env[name] = readFileSync(file, "utf8").trim());
  const value = make();
  writeFileSync(file, value, { mode: 0o600 });
  return (process.env[name] = value);
}

/**
 * The secrets the console and the clinical service share when `npm start` runs both:
 * CLINICAL_ADMIN_SECRET signs cache-policy calls, VIGIL_CACHE_KEY encrypts PHI in Redis
 * (AES-256-GCM). Several instances must be given the same values explicitly.
 */
export function ensureSharedSecrets(dataDir: string): { CLINICAL_ADMIN_SECRET: string; VIGIL_CACHE_KEY: string } {
  securePrivateTree(dataDir);
  return {
    CLINICAL_ADMIN_SECRET: ensure("CLINICAL_ADMIN_SECRET", join(dataDir, "clinical-admin-secret"), () => randomBytes(32).toString("base64url")),
    VIGIL_CACHE_KEY: ensure("VIGIL_CACHE_KEY", join(dataDir, "cache-key"), () => randomBytes(32).toString("hex")),
  };
}
