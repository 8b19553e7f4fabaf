import type { FastifyPluginAsync } from "fastify";
import { poolUpdateSchema, type PoolUpdate } from "@/core/engines/pool/policy";
import type { SettingsBroadcast } from "../control/settings-broadcast";
import type { ClinicalPool } from "../db/pool";
import { ClinicalError } from "../errors";
import { jsonBody, signedAdminScope } from "../http/admin-auth";

/**
 * The pool control plane the console drives (signed like the cache control plane):
 * - `GET /admin/pool/settings` → `{ version, settings, appliedAt, inUse, waiting }`
 * - `PUT /admin/pool/settings` `{ version, settings }` → `{ version, appliedAt }`; in force for the
 *   next query here, and on the deployment's other instances through Redis (see
 *   control/settings-broadcast.ts); 409 for an older version, or the same version with different settings)
 */
export const adminPoolRoutes: FastifyPluginAsync<{ pool: ClinicalPool; control: SettingsBroadcast<PoolUpdate>; secret?: string }> = async (app, { pool, control, secret }) => {
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
    const outcome = await control.update(parsed.data);
    if (!outcome.applied && outcome.reason !== "same") {
      throw new ClinicalError("CONFLICT", outcome.reason === "older"
        ? "A newer pool settings version is already in force."
        : "This version is already in force with different settings; send a new version.");
    }
    const { version, appliedAt } = pool.current;
    return reply.header("cache-control", "no-store").send({ version, appliedAt });
  });
};
