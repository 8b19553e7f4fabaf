import type { FastifyPluginAsync } from "fastify";
import { collectInsight } from "@/core/engines/db-insight/collect-insight";
import type { RunSql } from "@/core/engines/db-insight/types";
import type { QueryNames } from "@/core/engines/db-insight/query-names";
import type { ClinicalDb } from "../db/query";
import { signedAdminScope } from "../http/admin-auth";

/**
 * The database's statistics for the console (signed like the cache control plane). The service
 * owns its database — embedded PGlite allows one process only — so the console reads through it.
 * - `GET /admin/database/insight` → `{ kind, insight }` (core/engines/db-insight/types.ts); read-only.
 */
export const adminDatabaseInsightRoutes: FastifyPluginAsync<{ db: ClinicalDb; names: QueryNames; secret?: string }> = async (app, { db, names, secret }) => {
  signedAdminScope(app, secret);
  const run: RunSql = (sql, params) => db.query("admin.db_insight", sql, params);

  app.get("/admin/database/insight", async (_req, reply) => {
    const insight = await collectInsight(run, names.nameOf);
    return reply.header("cache-control", "no-store").send({ kind: db.kind, insight });
  });
};
