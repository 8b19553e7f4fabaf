import type { FastifyPluginAsync } from "fastify";
import type { z } from "zod";
import { invalidationSchema, policyUpdateSchema } from "@/core/engines/cache/policy";
import type { ClinicalCaching } from "../cache/setup";
import { ClinicalError } from "../errors";
import { jsonBody, signedAdminScope } from "../http/admin-auth";

const parse = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "body"))];
    throw new ClinicalError("INVALID_INPUT", `Invalid ${what}: check ${fields.join(", ")}.`);
  }
  return parsed.data;
};

/**
 * The cache control plane the console drives (all signed, `system` priority class):
 * - `GET /admin/cache/policies` → `{ version, policies, appliedAt, tiers: { l1, l2 } }`
 * - `PUT /admin/cache/policies` `{ version, policies }` → `{ version, appliedAt }` (409 for an older
 *   version, or the same version with different policies); applied here and broadcast via Redis
 * - `POST /admin/cache/invalidate` `{ dataClass?, patientId? }` → `{ invalidated: { dataClass?, patientId? } }`
 */
export const adminCacheRoutes: FastifyPluginAsync<{ caching: ClinicalCaching; secret?: string }> = async (app, { caching, secret }) => {
  signedAdminScope(app, secret);

  app.get("/admin/cache/policies", async (_req, reply) => {
    const { version, policies, appliedAt } = caching.policies.current;
    const { l1, l2 } = caching.cache.status();
    return reply.header("cache-control", "no-store").send({ version, policies, appliedAt, tiers: { l1, l2 } });
  });

  app.put("/admin/cache/policies", async (req, reply) => {
    const update = parse(policyUpdateSchema, jsonBody(req), "cache policy update");
    const outcome = await caching.control.update(update);
    if (!outcome.applied && outcome.reason !== "same") {
      throw new ClinicalError("CONFLICT", outcome.reason === "older"
        ? "A newer cache policy version is already in force."
        : "This version is already in force with different policies; send a new version.");
    }
    const { version, appliedAt } = caching.policies.current;
    return reply.header("cache-control", "no-store").send({ version, appliedAt });
  });

  app.post("/admin/cache/invalidate", async (req, reply) => {
    const target = parse(invalidationSchema, jsonBody(req), "invalidation");
    await caching.cache.invalidate(target);
    const invalidated = { ...(target.dataClass ? { dataClass: target.dataClass } : {}), ...(target.patientId ? { patientId: target.patientId } : {}) };
    return reply.header("cache-control", "no-store").send({ invalidated });
  });
};
