import { describe, expect, it } from "vitest";
import { AdmissionController, type Ticket } from "./admission-controller";
import { DEFAULT_ADMISSION_SETTINGS, PROBE_SAMPLES } from "./defaults";

const settings = { ...DEFAULT_ADMISSION_SETTINGS, initialLimit: 20, minRttIntervalS: 3600 };

/** A controller whose first probe is over (minRtt 10 ms), back at its initial limit of 20. */
function warmed(s = settings) {
  const c = new AdmissionController(s, 0, () => 0.5);
  for (let i = 0; i < PROBE_SAMPLES; i++) c.release(c.tryAcquire("patient-data", i)!, i + 10, true);
  expect(c.snapshot()).toMatchObject({ limit: 20, probing: false, minRttMs: 10 });
  return c;
}

describe("AdmissionController", () => {
  it("never rejects emergency requests, and they do not use the others' capacity", () => {
    const c = warmed();
    const held: Ticket[] = [];
    for (let i = 0; i < 1000; i++) held.push(c.tryAcquire("emergency", 100)!);
    expect(held.every(Boolean)).toBe(true);
    expect(c.snapshot().inFlight.emergency).toBe(1000);
    // With 1000 alerts in flight, patient data still gets the whole limit of 20.
    let admitted = 0;
    while (c.tryAcquire("patient-data", 100)) admitted++;
    expect(admitted).toBe(20);
  });

  it("sheds AI inference first, then clinical data, then patient data (limit 20: ceilings 14, 17, 20)", () => {
    const c = warmed();
    const order: string[] = [];
    // Fill with clinical data: it borrows until 17 in flight (85 % of 20).
    while (c.tryAcquire("clinical-data", 100)) order.push("c");
    expect(order.length).toBe(17);
    // AI inference is over its ceiling (14) but has its guaranteed 4 (20 % of 20).
    let ai = 0;
    while (c.tryAcquire("ai-inference", 100)) ai++;
    expect(ai).toBe(4);
    // Patient data: its guaranteed 10 regardless of the 21 others in flight.
    let patient = 0;
    while (c.tryAcquire("patient-data", 100)) patient++;
    expect(patient).toBe(10);
    expect(c.snapshot().inFlight).toEqual({ emergency: 0, "patient-data": 10, "clinical-data": 17, "ai-inference": 4 });
  });

  it("admits everything when disabled, still counting in-flight requests", () => {
    const c = warmed({ ...settings, enabled: false });
    for (let i = 0; i < 100; i++) expect(c.tryAcquire("ai-inference", 100)).not.toBeNull();
    expect(c.snapshot().inFlight["ai-inference"]).toBe(100);
  });

  it("releases slots, and reconfiguring applies new shares at once", () => {
    const c = warmed();
    const t = c.tryAcquire("ai-inference", 100)!;
    c.release(t, 105, false);
    expect(c.snapshot().inFlight["ai-inference"]).toBe(0);
    c.reconfigure({ ...settings, sharesPct: { "patient-data": 20, "clinical-data": 20, "ai-inference": 60 } });
    expect(c.snapshot().guaranteed).toEqual({ "patient-data": 4, "clinical-data": 4, "ai-inference": 12 });
  });

  it("admits a cold burst up to the initial limit while it learns the minimum RTT (no pin at start)", () => {
    const c = new AdmissionController(settings, 0, () => 0.5);
    let admitted = 0;
    while (c.tryAcquire("patient-data", 0)) admitted++;
    expect(admitted).toBe(20);
    expect(c.snapshot().probing).toBe(true);
  });

  it("keeps patient data up to the probe concurrency of its guaranteed share during a pinned probe, while lower classes wait for it", () => {
    const c = warmed({ ...settings, minRttIntervalS: 1 });
    expect(c.tryAcquire("ai-inference", 2000)).not.toBeNull(); // the tick at 2 s starts the pinned probe
    expect(c.snapshot()).toMatchObject({ probing: true, limit: 4 });
    let ai = 1;
    while (c.tryAcquire("ai-inference", 2001)) ai++;
    expect(ai).toBe(2); // ceiling of the pinned 4 is 70 % → 2
    let patient = 0;
    while (c.tryAcquire("patient-data", 2002)) patient++;
    expect(patient).toBe(4); // its share of the steady limit (10), capped at the probe concurrency so the probe can drain
  });
});
