import type { FastifyPluginAsync } from "fastify";
import type { ClinicalMetrics } from "../metrics/registry";

export const metricsRoutes: FastifyPluginAsync<{ metrics: ClinicalMetrics }> = async (app, { metrics }) => {
  app.get("/metrics", async (_req, reply) =>
    reply.header("content-type", metrics.registry.contentType).header("cache-control", "no-store").send(await metrics.registry.metrics()),
  );
};
