import { describe, expect, it, vi } from "vitest";
import { canAdmit, protectedFor, zeroCounts } from "./admission";
import { PoolWaitTimeoutError, PriorityGate } from "./priority-gate";
import { DEFAULT_POOL_SETTINGS, poolSettingsSchema, type PoolSettings } from "./policy";
import type { PoolClass } from "./classes";

/** 10 connections; emergency 2, patient data 2, clinical data 2 reserved; 4 unreserved. */
const S: PoolSettings = {
  size: 10,
  classes: {
    emergency: { reserved: 2, statementTimeoutMs: 1000 },
    "patient-data": { reserved: 2, statementTimeoutMs: 1000 },
    "clinical-data": { reserved: 2, statementTimeoutMs: 1000 },
    "ai-inference": { reserved: 0, statementTimeoutMs: 1000 },
    system: { reserved: 0, statementTimeoutMs: 1000 },
  },
};
const counts = (c: Partial<Record<PoolClass, number>>) => ({ ...zeroCounts(), ...c });

describe("admission", () => {
  it("protects the unused reservations of the classes above", () => {
    expect(protectedFor("emergency", zeroCounts(), S)).toBe(0);
    expect(protectedFor("patient-data", zeroCounts(), S)).toBe(2);
    expect(protectedFor("clinical-data", zeroCounts(), S)).toBe(4);
    expect(protectedFor("ai-inference", zeroCounts(), S)).toBe(6);
    // Emergency holds 3 (one more than reserved): the extra came out of patient data's reservation
    // (reservations nest), so AI inference still owes 2+2+2-3 = 3.
    expect(protectedFor("ai-inference", counts({ emergency: 3 }), S)).toBe(3);
  });

  it("lets AI inference borrow only the 4 unreserved connections", () => {
    expect(canAdmit("ai-inference", counts({ "ai-inference": 3 }), S)).toBe(true);
    expect(canAdmit("ai-inference", counts({ "ai-inference": 4 }), S)).toBe(false);
    // ...but emergency, patient and clinical data still get theirs.
    expect(canAdmit("clinical-data", counts({ "ai-inference": 4, "clinical-data": 1 }), S)).toBe(true);
    expect(canAdmit("clinical-data", counts({ "ai-inference": 4, "clinical-data": 2 }), S)).toBe(false);
  });

  it("lets a higher class use a lower class's reservation, never the reverse", () => {
    // AI 4 + clinical 2 + patient 2 hold 8; emergency may take the last 2 (its own reservation).
    expect(canAdmit("emergency", counts({ "ai-inference": 4, "clinical-data": 2, "patient-data": 2 }), S)).toBe(true);
    // Idle pool: emergency can take everything, clinical data all but 4.
    expect(canAdmit("emergency", counts({ emergency: 9 }), S)).toBe(true);
    expect(canAdmit("clinical-data", counts({ "clinical-data": 6 }), S)).toBe(false);
    expect(canAdmit("clinical-data", counts({ "clinical-data": 5 }), S)).toBe(true);
  });

  it("refuses everyone when the pool is full", () => {
    expect(canAdmit("emergency", counts({ emergency: 10 }), S)).toBe(false);
  });
});

describe("PriorityGate", () => {
  it("admits an emergency at once while AI inference holds every connection it may borrow", async () => {
    const gate = new PriorityGate(S);
    for (let i = 0; i < 4; i++) expect(gate.tryAcquire("ai-inference")).toBe(true);
    expect(gate.tryAcquire("ai-inference")).toBe(false);
    expect(gate.tryAcquire("emergency")).toBe(true);
    expect(gate.inUse()).toMatchObject({ "ai-inference": 4, emergency: 1 });
  });

  it("serves waiters highest class first, first come first served within a class", async () => {
    const gate = new PriorityGate({ ...S, size: 1, classes: { ...S.classes, emergency: { reserved: 0, statementTimeoutMs: 1000 }, "patient-data": { reserved: 0, statementTimeoutMs: 1000 }, "clinical-data": { reserved: 0, statementTimeoutMs: 1000 } } });
    expect(gate.tryAcquire("system")).toBe(true);
    const order: string[] = [];
    const go = (c: PoolClass, tag: string) => gate.wait(c, 1000).then(() => { order.push(tag); gate.release(c); });
    const all = [go("ai-inference", "ai1"), go("clinical-data", "cd1"), go("ai-inference", "ai2"), go("emergency", "em1"), go("patient-data", "pd1"), go("emergency", "em2")];
    expect(gate.waiting()).toMatchObject({ emergency: 2, "ai-inference": 2 });
    gate.release("system");
    await Promise.all(all);
    expect(order).toEqual(["em1", "em2", "pd1", "cd1", "ai1", "ai2"]);
  });

  it("times a waiter out, and its leaving unblocks nobody wrongly", async () => {
    vi.useFakeTimers();
    try {
      const gate = new PriorityGate(S);
      for (let i = 0; i < 4; i++) gate.tryAcquire("ai-inference");
      const waited = gate.wait("ai-inference", 250);
      vi.advanceTimersByTime(250);
      await expect(waited).rejects.toBeInstanceOf(PoolWaitTimeoutError);
      expect(gate.waiting()["ai-inference"]).toBe(0);
      expect(gate.inUse()["ai-inference"]).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("admits waiters when resized larger, and keeps excess holders after shrinking", async () => {
    const gate = new PriorityGate(S);
    for (let i = 0; i < 4; i++) gate.tryAcquire("ai-inference");
    const waited = gate.wait("ai-inference", 1000);
    gate.resize({ ...S, size: 11 });
    await waited;
    expect(gate.inUse()["ai-inference"]).toBe(5);
    gate.resize({ ...S, size: 6 }); // AI now may borrow 0
    gate.release("ai-inference");
    expect(gate.tryAcquire("ai-inference")).toBe(false);
    expect(gate.tryAcquire("emergency")).toBe(true);
  });
});

describe("pool settings", () => {
  it("accepts the defaults and names the field of bad input", () => {
    expect(poolSettingsSchema.safeParse(DEFAULT_POOL_SETTINGS).success).toBe(true);
    const over = poolSettingsSchema.safeParse({ ...DEFAULT_POOL_SETTINGS, size: 4 });
    expect(over.error?.issues.map((i) => i.path.join("."))).toEqual(["size"]);
    const zero = poolSettingsSchema.safeParse({ ...DEFAULT_POOL_SETTINGS, size: 0 });
    expect(zero.error?.issues.map((i) => i.path.join("."))).toContain("size");
    const t = poolSettingsSchema.safeParse({ ...DEFAULT_POOL_SETTINGS, classes: { ...DEFAULT_POOL_SETTINGS.classes, emergency: { reserved: 2, statementTimeoutMs: 50 } } });
    expect(t.error?.issues.map((i) => i.path.join("."))).toEqual(["classes.emergency.statementTimeoutMs"]);
  });
});
