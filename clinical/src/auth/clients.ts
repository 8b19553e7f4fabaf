import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { hashClientSecret, newClientSecret, verifyClientSecret } from "./client-secrets";
import { formatScopes, parseScopes, type Scope } from "./scopes";

export interface ApiClient {
  id: string;
  name: string;
  scopes: Scope[];
}

export const registerClientSchema = z.object({
  name: z.string().trim().min(1, "a name is required").max(100, "at most 100 characters"),
  scopes: z.string().trim().min(1, "at least one scope, e.g. system/Patient.rs"),
  /** Fixed credentials (test and e2e fixtures that two processes must agree on); normally generated. */
  id: z.string().regex(/^[A-Za-z0-9._-]{8,64}$/, "8-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'").optional(),
  secret: z.string().min(32, "at least 32 characters").optional(),
});

/** Registers a client (or replaces one with the same fixed id); the secret is returned once and stored only as a hash. */
export async function registerClient(db: ClinicalDb, input: z.input<typeof registerClientSchema>): Promise<{ id: string; secret: string; scopes: string }> {
  const parsed = registerClientSchema.safeParse(input);
  if (!parsed.success) throw new ClinicalError("INVALID_INPUT", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { scopes, invalid } = parseScopes(parsed.data.scopes);
  if (invalid.length || scopes.length === 0) throw new ClinicalError("INVALID_INPUT", `Not SMART v2 system scopes: ${invalid.join(" ") || "(none)"}; e.g. system/Patient.rs system/Observation.crs`);
  const id = parsed.data.id ?? `vc-${randomUUID()}`;
  const secret = parsed.data.secret ?? newClientSecret();
  const text = formatScopes(scopes);
  await db.query(
    "auth.client.register",
    `INSERT INTO api_clients (id, name, secret_hash, scopes) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, secret_hash = EXCLUDED.secret_hash, scopes = EXCLUDED.scopes, revoked_at = NULL`,
    [id, parsed.data.name, await hashClientSecret(secret), text],
  );
  return { id, secret, scopes: text };
}

/** Revokes a client: no new tokens from now on. Returns whether it existed. */
export async function revokeClient(db: ClinicalDb, id: string): Promise<boolean> {
  const rows = await db.query("auth.client.revoke", "UPDATE api_clients SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id", [id]);
  return rows.length > 0;
}

/** The client these credentials belong to, or null (unknown, revoked or wrong secret: indistinguishable to the caller). */
export async function authenticateClient(db: ClinicalDb, id: string, secret: string): Promise<ApiClient | null> {
  const [row] = await db.query<{ id: string; name: string; secret_hash: string; scopes: string }>(
    "auth.client.find",
    "SELECT id, name, secret_hash, scopes FROM api_clients WHERE id = $1 AND revoked_at IS NULL",
    [id],
  );
  if (!(await verifyClientSecret(secret, row?.secret_hash ?? null)) || !row) return null;
  return { id: row.id, name: row.name, scopes: parseScopes(row.scopes).scopes };
}
