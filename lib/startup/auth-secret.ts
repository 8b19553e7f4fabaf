import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { securePrivateTree } from "@/core/files/private-files";
import { join } from "node:path";

/**
 * AUTH_SECRET signs session JWTs. When it is not set, one is generated on first start and kept
 * in the data folder (mode 0600), so sessions survive restarts without a shared default.
 * Several console instances must be given the same AUTH_SECRET explicitly.
 */
export function ensureAuthSecret(dataDir: string): "environment" | "generated" | "data-folder" {
  if (process.env.AUTH_SECRET) return "environment";
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) {
    process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
    return "data-folder";
  }
  securePrivateTree(dataDir);
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  process.env.AUTH_SECRET = secret;
  return "generated";
}
