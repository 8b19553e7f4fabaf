import { z } from "zod";

/** Services a scaling policy can govern: today the one clinical service. */
export const SCALED_SERVICES = ["clinical"] as const;
export type ScaledService = (typeof SCALED_SERVICES)[number];

export { TARGET_METRICS } from "./policy-fields";
import { TARGET_METRICS } from "./policy-fields";
export type TargetMetric = keyof typeof TARGET_METRICS;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "use HH:MM (24-hour)");
const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

export const scheduleSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and dashes"),
    /** 0 = Monday … 6 = Sunday, in the policy's time zone. */
    days: z.array(z.number().int().min(0).max(6)).min(1, "pick at least one day"),
    start: hhmm,
    end: hhmm,
    minReplicas: z.number().int().min(1),
  })
  .refine((s) => minutesOf(s.end) > minutesOf(s.start), { path: ["end"], message: "end must be after start (same day)" });
export type Schedule = z.infer<typeof scheduleSchema>;

export function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const positive = (what: string) => z.number(`${what} must be a number`).positive(`${what} must be greater than 0`);

export const behaviorSchema = z.object({
  scaleUp: z.object({ stabilizationSeconds: z.number().int().min(0).max(3600), percentPerPeriod: positive("scale-up percent"), podsPerPeriod: z.number().int().positive(), periodSeconds: z.number().int().min(1).max(1800) }),
  scaleDown: z.object({ stabilizationSeconds: z.number().int().min(0).max(3600), percentPerPeriod: positive("scale-down percent"), periodSeconds: z.number().int().min(1).max(1800) }),
});

export const scalingPolicySchema = z
  .object({
    service: z.enum(SCALED_SERVICES),
    minReplicas: z.number().int().min(1, "at least 1 replica").max(64),
    maxReplicas: z.number().int().min(1).max(64),
    target: z.object({ metric: z.enum(Object.keys(TARGET_METRICS) as [TargetMetric, ...TargetMetric[]]), value: positive("target") }),
    behavior: behaviorSchema,
    timeZone: z.string().refine(isKnownTimeZone, "unknown time zone (use an IANA name such as Europe/Paris)"),
    schedules: z.array(scheduleSchema).max(12),
    /** Emergency surge: multiply the replica floor by `factor` for `minutes` unless a surge says otherwise. */
    surge: z.object({ factor: z.number().min(1.1).max(10), defaultMinutes: z.number().int().min(1).max(24 * 60) }),
    /** Forecast-only: a forecast may add replicas ahead of time, never remove them. */
    forecast: z.object({ enabled: z.boolean() }),
  })
  .superRefine((p, ctx) => {
    if (p.minReplicas > p.maxReplicas) ctx.addIssue({ code: "custom", path: ["minReplicas"], message: `minReplicas (${p.minReplicas}) is above maxReplicas (${p.maxReplicas})` });
    if (p.target.value > TARGET_METRICS[p.target.metric].max) ctx.addIssue({ code: "custom", path: ["target", "value"], message: `at most ${TARGET_METRICS[p.target.metric].max} ${TARGET_METRICS[p.target.metric].unit}` });
    p.schedules.forEach((s, i) => {
      if (s.minReplicas > p.maxReplicas) ctx.addIssue({ code: "custom", path: ["schedules", i, "minReplicas"], message: `above maxReplicas (${p.maxReplicas})` });
      p.schedules.slice(0, i).forEach((o, j) => {
        if (schedulesOverlap(s, o)) ctx.addIssue({ code: "custom", path: ["schedules", i], message: `overlaps schedule "${o.name}" (#${j + 1})` });
      });
    });
  });
export type ScalingPolicy = z.infer<typeof scalingPolicySchema>;

export function schedulesOverlap(a: Schedule, b: Schedule): boolean {
  const sameDay = a.days.some((d) => b.days.includes(d));
  return sameDay && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end);
}

/**
 * Defaults: the issue's hospital windows (morning rounds 06-09 every day, afternoon peak 14-16 on
 * weekdays), HPA's own behaviour defaults, a 60% CPU target (headroom for a start-up time), and a
 * ×2 surge for an hour.
 */
export function defaultScalingPolicy(timeZone = "UTC"): ScalingPolicy {
  return {
    service: "clinical",
    minReplicas: 2,
    maxReplicas: 10,
    target: { metric: "cpu", value: 60 },
    behavior: {
      scaleUp: { stabilizationSeconds: 0, percentPerPeriod: 100, podsPerPeriod: 4, periodSeconds: 15 },
      scaleDown: { stabilizationSeconds: 300, percentPerPeriod: 100, periodSeconds: 15 },
    },
    timeZone,
    schedules: [
      { name: "morning-rounds", days: [0, 1, 2, 3, 4, 5, 6], start: "06:00", end: "09:00", minReplicas: 4 },
      { name: "afternoon-peak", days: [0, 1, 2, 3, 4], start: "14:00", end: "16:00", minReplicas: 4 },
    ],
    surge: { factor: 2, defaultMinutes: 60 },
    forecast: { enabled: true },
  };
}

/** Starting a surge: it must end on its own, so a duration is required. */
export const surgeStartSchema = z.object({
  service: z.enum(SCALED_SERVICES),
  minutes: z.number("a surge needs an expiry: give its duration in minutes").int().min(1, "at least 1 minute").max(24 * 60, "at most 24 hours"),
  reason: z.string().trim().min(8, "say why in a sentence (at least 8 characters)").max(500, "at most 500 characters"),
});
export type SurgeStart = z.infer<typeof surgeStartSchema>;
