import type { FastifyPluginAsync } from "fastify";
import { invalidFields, resourceUpdateSchema, type ResourceUpdate } from "@/core/engines/admission/resource-settings";
import { ClinicalError } from "../errors";
import { jsonBody, signedAdminScope } from "../http/admin-auth";
import type { ResourceState } from "../http/resource-state";
import type { SettingsBroadcast } from "../control/settings-broadcast";

/**
 * The resource control plane the console drives (signed like /admin/cache/*, `system` class):
 * - `GET /admin/resources/settings` → `{ version, settings, appliedAt }`
 * - `PUT /admin/resources/settings` `{ version, settings }` → `{ version, appliedAt }`; in force
 *   for the next request here, and on the deployment's other instances through Redis (see
 *   control/settings-broadcast.ts); 400 naming the fields for malformed or out-of-range input (nothing
 *   applied); 409 for an older version or the same version with different settings.
 */
export const adminResourceRoutes: FastifyPluginAsync<{ state: ResourceState; control: SettingsBroadcast<ResourceUpdate>; secret?: string }> = async (app, { state, control, secret }) => {
  signedAdminScope(app, secret);

  app.get("/admin/resources/settings", async (_req, reply) => reply.header("cache-control", "no-store").send(state.current));

  app.put("/admin/resources/settings", async (req, reply) => {
    const body = jsonBody(req);
    const bad = invalidFields(resourceUpdateSchema, body);
    if (bad.length) throw new ClinicalError("INVALID_INPUT", `Invalid resource settings: check ${bad.join(", ")}.`);
    const outcome = await control.update(body as ResourceUpdate);
    if (!outcome.applied && outcome.reason !== "same") {
      throw new ClinicalError("CONFLICT", outcome.reason === "older"
        ? "A newer resource settings version is already in force."
        : "This version is already in force with different settings; send a new version.");
    }
    const { version, appliedAt } = state.current;
    return reply.header("cache-control", "no-store").send({ version, appliedAt });
  });
};
