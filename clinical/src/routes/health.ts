import type { FastifyPluginAsync } from "fastify";
import type { Redis } from "ioredis";
import type { CacheStatus } from "../cache/clinical-cache";
import type { ClinicalDb } from "../db/query";
import { redisStatus } from "@/core/redis/status";

/** Liveness and dependencies, and the cache tiers in use. 503 only when the database is down: Redis is optional. */
export const healthRoutes: FastifyPluginAsync<{ db: ClinicalDb; redis: Redis | null; cache?: () => CacheStatus }> = async (app, { db, redis, cache }) => {
  app.get("/health", async (_req, reply) => {
    const database = await db.query("health.ping", "SELECT 1 AS ok").then(
      () => "up" as const,
      () => "down" as const,
    );
    const r = await redisStatus(redis);
    const status = database === "down" ? "down" : r === "down" ? "degraded" : "ok";
    return reply
      .code(database === "up" ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status, database: { status: database, kind: db.kind }, redis: { status: r }, ...(cache ? { cache: cache() } : {}) });
  });
};
