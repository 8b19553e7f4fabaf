import { afterAll, beforeAll } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildClinicalApp } from "../src/app";
import { loadHospital } from "../src/seed/load-hospital";
import { capturedLogger, useClinicalDb, type Kind } from "./support";

export const FIXTURE = { patients: 300, seed: 11, anchor: new Date("2026-11-26T08:00:00Z") };

/** A seeded clinical database and an app over it, with captured logs, per describe block. */
export function useClinicalApp(kind: Kind, opts: { maxInFlight?: number } = {}) {
  const ctx = useClinicalDb(kind);
  const log = capturedLogger();
  const holder = { app: undefined as unknown as FastifyInstance, log, ctx };
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    holder.app = await buildClinicalApp({ db: ctx.db, logger: log.logger, maxInFlight: opts.maxInFlight });
  });
  afterAll(() => holder.app?.close());
  return holder;
}
