import { z } from "zod";
import { LIMITED_CLASSES, type LimitedClass } from "./classes";

const perClass = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(LIMITED_CLASSES.map((c) => [c, schema])) as Record<LimitedClass, T>);

/** The adaptive concurrency limiter's tunables (an Envoy-style gradient controller). */
export const admissionSettingsSchema = z
  .object({
    /** Off: every request is admitted (the benchmark's baseline); on: the adaptive limit applies. */
    enabled: z.boolean(),
    /** Requests in flight (non-emergency) the limit never goes below / above. */
    minLimit: z.number().int().min(1).max(10_000),
    maxLimit: z.number().int().min(1).max(100_000),
    /** Where the limit starts before the first latency window. */
    initialLimit: z.number().int().min(1).max(100_000),
    /** Milliseconds of latency samples per limit update. */
    sampleWindowMs: z.number().int().min(10).max(10_000),
    /** Latency tolerated above the measured minimum RTT before the limit shrinks, as a fraction (0.5 = +50%). */
    rttBuffer: z.number().min(0).max(10),
    /** Seconds between minimum-RTT re-measurements (±jitter). */
    minRttIntervalS: z.number().min(1).max(3600),
    /** Concurrency the limit is pinned to while the minimum RTT is re-measured. */
    probeConcurrency: z.number().int().min(1).max(1000),
    /** Share of the limit guaranteed to each class, percent; idle capacity is borrowed by the others. */
    sharesPct: perClass(z.number().int().min(0).max(100)),
    /** How far each class may borrow, as percent of the whole limit in flight (lower = shed earlier). */
    borrowCeilingPct: perClass(z.number().int().min(1).max(100)),
  })
  .superRefine((s, ctx) => {
    const total = LIMITED_CLASSES.reduce((a, c) => a + s.sharesPct[c], 0);
    if (total > 100) ctx.addIssue({ code: "custom", path: ["sharesPct"], message: `shares add up to ${total}%; at most 100%` });
    if (s.minLimit > s.maxLimit) ctx.addIssue({ code: "custom", path: ["minLimit"], message: "must not exceed maxLimit" });
    if (s.initialLimit < s.minLimit || s.initialLimit > s.maxLimit) ctx.addIssue({ code: "custom", path: ["initialLimit"], message: "must lie between minLimit and maxLimit" });
    if (s.probeConcurrency > s.maxLimit) ctx.addIssue({ code: "custom", path: ["probeConcurrency"], message: "must not exceed maxLimit" });
  });
export type AdmissionSettings = z.infer<typeof admissionSettingsSchema>;
