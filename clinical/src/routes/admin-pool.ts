import type { FastifyPluginAsync } from "fastify";
import { poolUpdateSchema } from "@/core/engines/pool/policy";
import type { ClinicalPool } from "../db/pool";
import { ClinicalError } from "../errors";
import { jsonBody, signedAdminScope } from "../http/admin-auth";

/**
 * The pool control plane the console drives (signed like the cache control plane):
 * - `GET /admin/pool/settings` → `{ version, settings, appliedAt, inUse, waiting }`
 * - `PUT /admin/pool/settings` `{ version, settings }` → `{ version, appliedAt }`; in force for the
 *   next query (409 for an older version, or the same version with different settings)
 */
export const adminPoolRoutes: FastifyPluginAsync<{ pool: ClinicalPool; secret?: string }> = async (app, { pool, secret }) => {
  signedAdminScope(app, secret);

  app.get("/admin/pool/settings", async (_req, reply) => {
    const { version, settings, appliedAt } = pool.current;
    const { inUse, waiting } = pool.stats();
    return reply.header("cache-control", "no-store").send({ version, settings, appliedAt, inUse, waiting });
  });

  app.put("/admin/pool/settings", async (req, reply) => {
    const parsed = poolUpdateSchema.safeParse(jsonBody(req));
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "body"))];
      throw new ClinicalError("INVALID_INPUT", `Invalid pool settings: check ${fields.join(", ")}.`);
    }
    const outcome = pool.apply(parsed.data);
    if (!outcome.applied && outcome.reason !== "same") {
      throw new ClinicalError("CONFLICT", outcome.reason === "older"
        ? "A newer pool settings version is already in force."
        : "This version is already in force with different settings; send a new version.");
    }
    const { version, appliedAt } = pool.current;
    return reply.header("cache-control", "no-store").send({ version, appliedAt });
  });
};
