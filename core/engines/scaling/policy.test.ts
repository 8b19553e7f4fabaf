import { describe, expect, it } from "vitest";
import { defaultScalingPolicy, scalingPolicySchema, surgeStartSchema } from "./policy";

const fieldsOf = (input: unknown) => {
  const r = scalingPolicySchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("scaling policy validation", () => {
  it("accepts the defaults in any IANA zone", () => {
    expect(fieldsOf(defaultScalingPolicy())).toEqual([]);
    expect(fieldsOf(defaultScalingPolicy("Europe/Paris"))).toEqual([]);
  });
  it("names the field for min > max, a zero target, an unknown zone and overlapping schedules", () => {
    const p = defaultScalingPolicy();
    expect(fieldsOf({ ...p, minReplicas: 8, maxReplicas: 4 })).toEqual(["minReplicas: minReplicas (8) is above maxReplicas (4)"]);
    expect(fieldsOf({ ...p, target: { metric: "rps", value: 0 } })).toEqual(["target.value: target must be greater than 0"]);
    expect(fieldsOf({ ...p, target: { metric: "cpu", value: -5 } })).toEqual(["target.value: target must be greater than 0"]);
    expect(fieldsOf({ ...p, timeZone: "Mars/Olympus" })[0]).toMatch(/^timeZone: unknown time zone/);
    const overlapping = [...p.schedules, { name: "late-rounds", days: [2], start: "08:30", end: "10:00", minReplicas: 3 }];
    expect(fieldsOf({ ...p, schedules: overlapping })).toEqual(['schedules.2: overlaps schedule "morning-rounds" (#1)']);
    // touching windows do not overlap; different days do not overlap
    expect(fieldsOf({ ...p, schedules: [...p.schedules, { name: "late", days: [2], start: "09:00", end: "10:00", minReplicas: 3 }] })).toEqual([]);
    expect(fieldsOf({ ...p, schedules: [{ ...p.schedules[1]!, name: "weekend-peak", days: [5, 6] }, p.schedules[1]] })).toEqual([]);
  });
  it("rejects backwards windows and schedule floors above the maximum", () => {
    const p = defaultScalingPolicy();
    expect(fieldsOf({ ...p, schedules: [{ ...p.schedules[0]!, start: "09:00", end: "06:00" }] })).toEqual(["schedules.0.end: end must be after start (same day)"]);
    expect(fieldsOf({ ...p, schedules: [{ ...p.schedules[0]!, minReplicas: 11 }] })).toEqual(["schedules.0.minReplicas: above maxReplicas (10)"]);
  });
  it("refuses a surge with no expiry", () => {
    const r = surgeStartSchema.safeParse({ service: "clinical", reason: "mass casualty incident" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["minutes"], message: "a surge needs an expiry: give its duration in minutes" });
    expect(surgeStartSchema.safeParse({ service: "clinical", reason: "mass casualty", minutes: 0 }).success).toBe(false);
    expect(surgeStartSchema.safeParse({ service: "clinical", reason: "mass casualty", minutes: 45 }).success).toBe(true);
  });
});
