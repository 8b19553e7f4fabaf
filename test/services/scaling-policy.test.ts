import { describe, expect, it } from "vitest";
import { defaultScalingPolicy, type ScalingPolicy } from "@/core/engines/scaling/policy";
import { activeSurge, startSurge, surgeOnEmergencyAlert } from "../../lib/services/scaling/surges";
import { currentScalingPolicy } from "../../lib/services/scaling/scaling-policy";
import { updateScalingPolicy } from "../../lib/services/scaling/update-scaling-policy";
import { formatDays } from "../../lib/validations/scaling";
import { db } from "../../lib/db/prisma";
import { auditEventsFor, makeActor } from "../support/actors";
import { useFreshConsoleDb } from "../support/console-db";

/** The Scaling page's form fields for a policy. */
function form(p: ScalingPolicy, reason = "tuning for winter"): Record<string, string> {
  return {
    service: p.service, reason, minReplicas: String(p.minReplicas), maxReplicas: String(p.maxReplicas), "target.metric": p.target.metric, "target.value": String(p.target.value),
    "behavior.scaleUp.stabilizationSeconds": String(p.behavior.scaleUp.stabilizationSeconds), "behavior.scaleUp.percentPerPeriod": String(p.behavior.scaleUp.percentPerPeriod),
    "behavior.scaleUp.podsPerPeriod": String(p.behavior.scaleUp.podsPerPeriod), "behavior.scaleUp.periodSeconds": String(p.behavior.scaleUp.periodSeconds),
    "behavior.scaleDown.stabilizationSeconds": String(p.behavior.scaleDown.stabilizationSeconds), "behavior.scaleDown.percentPerPeriod": String(p.behavior.scaleDown.percentPerPeriod),
    "behavior.scaleDown.periodSeconds": String(p.behavior.scaleDown.periodSeconds), timeZone: p.timeZone, "surge.factor": String(p.surge.factor), "surge.defaultMinutes": String(p.surge.defaultMinutes),
    ...(p.forecast.enabled ? { "forecast.enabled": "on" } : {}),
    ...Object.fromEntries(p.schedules.flatMap((s, i) => [[`schedules.${i}.name`, s.name], [`schedules.${i}.days`, formatDays(s.days)], [`schedules.${i}.start`, s.start], [`schedules.${i}.end`, s.end], [`schedules.${i}.minReplicas`, String(s.minReplicas)]])),
  };
}

describe("scaling policies and surges", () => {
  useFreshConsoleDb("pglite");

  it("saves versions with their reason, audits the previous version, and refuses non-admins", async () => {
    const admin = await makeActor("admin");
    expect((await currentScalingPolicy()).version).toBe(0);
    const edited = { ...defaultScalingPolicy("Europe/Paris"), maxReplicas: 12 };
    const saved = await updateScalingPolicy(admin, form(edited));
    expect(saved).toMatchObject({ version: 1, reason: "tuning for winter", policy: { maxReplicas: 12, timeZone: "Europe/Paris" } });
    expect(saved.policy.schedules.map((s) => [s.name, s.days.length, s.start, s.end])).toEqual([["morning-rounds", 7, "06:00", "09:00"], ["afternoon-peak", 5, "14:00", "16:00"]]);
    await updateScalingPolicy(admin, form({ ...edited, minReplicas: 3 }, "more floor"));
    const [, second] = await auditEventsFor({ action: "scaling.policy.update", actor: admin.email });
    expect(second).toMatchObject({ outcome: "success", target: "scaling-policy:clinical:v2" });
    expect(second!.before).toMatchObject({ version: 1, policy: { minReplicas: 2, maxReplicas: 12 } });
    expect(second!.after).toMatchObject({ version: 2, reason: "more floor", policy: { minReplicas: 3 } });

    const ops = await makeActor("ops");
    await expect(updateScalingPolicy(ops, form(edited))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await currentScalingPolicy()).version).toBe(2);
  });

  it("rejects bad input naming the field, and saves nothing", async () => {
    const admin = await makeActor("admin");
    const p = defaultScalingPolicy();
    const before = (await currentScalingPolicy()).version;
    await expect(updateScalingPolicy(admin, form({ ...p, minReplicas: 9, maxReplicas: 3 }))).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { minReplicas: [expect.stringMatching(/above maxReplicas/)] } });
    await expect(updateScalingPolicy(admin, { ...form(p), "target.value": "0" })).rejects.toMatchObject({ fields: { "target.value": [expect.stringMatching(/greater than 0/)] } });
    await expect(updateScalingPolicy(admin, form({ ...p, timeZone: "Hospital/Nowhere" }))).rejects.toMatchObject({ fields: { timeZone: [expect.stringMatching(/unknown time zone/)] } });
    const overlap = { ...p, schedules: [...p.schedules, { name: "ward-b", days: [0], start: "08:00", end: "10:00", minReplicas: 3 }] };
    await expect(updateScalingPolicy(admin, form(overlap))).rejects.toMatchObject({ fields: { "schedules.2": [expect.stringMatching(/overlaps schedule "morning-rounds"/)] } });
    await expect(updateScalingPolicy(admin, { ...form(p), "schedules.0.days": "mon,funday" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(updateScalingPolicy(admin, form(p, ""))).rejects.toMatchObject({ fields: { reason: [expect.stringMatching(/say why/)] } });
    expect((await currentScalingPolicy()).version).toBe(before);
  });

  it("starts a surge that expires on its own, refuses one without expiry, and the alert starts one once", async () => {
    const admin = await makeActor("admin");
    await expect(startSurge(admin, { reason: "mass casualty drill", minutes: "" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { minutes: [expect.stringMatching(/needs an expiry/)] } });
    const surge = await startSurge(admin, { reason: "mass casualty drill", minutes: "30" });
    expect(new Date(surge.expiresAt).getTime() - new Date(surge.startedAt).getTime()).toBe(30 * 60_000);
    expect(surge).toMatchObject({ factor: 2, source: "manual" });
    expect(await activeSurge("clinical", new Date(Date.now() + 31 * 60_000))).toBeNull();
    // while a surge is active the alert starts nothing; after it expires, a firing emergency alert does
    expect(await surgeOnEmergencyAlert(["emergency-availability"])).toBeNull();
    const [event] = await auditEventsFor({ action: "scaling.surge.start", actor: admin.email });
    expect(event!.after).toMatchObject({ minutes: 30, reason: "mass casualty drill" });
    const ops = await makeActor("ops");
    await expect(startSurge(ops, { reason: "x y z", minutes: "5" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the emergency burn-rate alert starts a surge with the policy's default duration", async () => {
    expect(await surgeOnEmergencyAlert(["all-latency"])).toBeNull();
    // the manual surge of the previous test has run its course
    await (await db()).scalingSurge.updateMany({ data: { expiresAt: new Date(Date.now() - 1000), startedAt: new Date(Date.now() - 60_000) } });
    expect(await activeSurge()).toBeNull();
    const now = Date.now();
    const surge = await surgeOnEmergencyAlert(["emergency-latency"]);
    expect(surge).toMatchObject({ source: "burn-rate-alert", factor: 2 });
    expect(new Date(surge!.expiresAt).getTime() - now).toBeGreaterThan(59 * 60_000);
    expect(await surgeOnEmergencyAlert(["emergency-latency"])).toBeNull(); // once
    const [event] = await auditEventsFor({ action: "scaling.surge.start", actor: "system:burn-rate-alert" });
    expect(event!.after).toMatchObject({ reason: expect.stringMatching(/emergency-latency/) });
  });
});
