import type { FastifyInstance } from "fastify";
import { ClinicalError } from "../errors";
import { routeTemplate } from "../metrics/instrument";
import { priorityOf } from "../metrics/priority";

/**
 * Bounds concurrent work: past `maxInFlight`, non-emergency requests get 429 with Retry-After.
 * Emergency traffic is never shed. (Per-priority rate limits come with the resources work.)
 */
export function shedLoad(app: FastifyInstance, maxInFlight: number): void {
  let inFlight = 0;
  app.addHook("onRequest", async (req, reply) => {
    if (inFlight >= maxInFlight && priorityOf(routeTemplate(req)) !== "emergency") {
      reply.header("retry-after", "1");
      throw new ClinicalError("LIMIT_EXCEEDED", "The service is at capacity; retry in a second.");
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (!released) (released = true), inFlight--;
    };
    reply.raw.once("finish", release);
    reply.raw.once("close", release);
  });
}
