import { describe, expect, it } from "vitest";
import { news2, type News2Input } from "./news2";

const healthy: News2Input = { respiratoryRate: 16, spo2: 97, onOxygen: false, systolicBp: 125, heartRate: 72, consciousness: "A", temperature: 37.0 };

describe("NEWS2 (hand-worked cases from the RCP 2017 chart)", () => {
  it("scores a healthy adult 0, low", () => {
    expect(news2(healthy)).toMatchObject({ score: 0, band: "low" });
  });

  it("case A: RR 22 (2), SpO2 95 (1), air (0), SBP 105 (1), HR 95 (1), alert (0), 37.5 (0) = 5, medium", () => {
    const r = news2({ ...healthy, respiratoryRate: 22, spo2: 95, systolicBp: 105, heartRate: 95, temperature: 37.5 });
    expect(r.parts).toEqual({ respiratoryRate: 2, spo2: 1, onOxygen: 0, systolicBp: 1, heartRate: 1, consciousness: 0, temperature: 0 });
    expect(r).toMatchObject({ score: 5, band: "medium" });
  });

  it("case B: RR 26 (3), SpO2 90 (3), oxygen (2), SBP 88 (3), HR 135 (3), voice (3), 39.5 (2) = 19, high", () => {
    const r = news2({ respiratoryRate: 26, spo2: 90, onOxygen: true, systolicBp: 88, heartRate: 135, consciousness: "V", temperature: 39.5 });
    expect(r).toMatchObject({ score: 19, band: "high" });
  });

  it("case C: a single red parameter (new confusion = 3) with total 3 is low-medium", () => {
    expect(news2({ ...healthy, consciousness: "C" })).toMatchObject({ score: 3, band: "low-medium" });
  });

  it("case D: total 4 without any 3 stays low", () => {
    // RR 21 (2) + HR 111 (2) = 4
    expect(news2({ ...healthy, respiratoryRate: 21, heartRate: 111 })).toMatchObject({ score: 4, band: "low" });
  });

  it("case E: total 7 is high", () => {
    // SpO2 93 (2) + oxygen (2) + temp 35.0 (3) = 7
    expect(news2({ ...healthy, spo2: 93, onOxygen: true, temperature: 35.0 })).toMatchObject({ score: 7, band: "high" });
  });

  it.each([
    ["respiratoryRate", 8, 3], ["respiratoryRate", 9, 1], ["respiratoryRate", 11, 1], ["respiratoryRate", 12, 0],
    ["respiratoryRate", 20, 0], ["respiratoryRate", 21, 2], ["respiratoryRate", 24, 2], ["respiratoryRate", 25, 3],
    ["spo2", 91, 3], ["spo2", 92, 2], ["spo2", 93, 2], ["spo2", 94, 1], ["spo2", 95, 1], ["spo2", 96, 0],
    ["systolicBp", 90, 3], ["systolicBp", 91, 2], ["systolicBp", 100, 2], ["systolicBp", 101, 1], ["systolicBp", 110, 1],
    ["systolicBp", 111, 0], ["systolicBp", 219, 0], ["systolicBp", 220, 3],
    ["heartRate", 40, 3], ["heartRate", 41, 1], ["heartRate", 50, 1], ["heartRate", 51, 0], ["heartRate", 90, 0],
    ["heartRate", 91, 1], ["heartRate", 110, 1], ["heartRate", 111, 2], ["heartRate", 130, 2], ["heartRate", 131, 3],
    ["temperature", 35.0, 3], ["temperature", 35.1, 1], ["temperature", 36.0, 1], ["temperature", 36.1, 0],
    ["temperature", 38.0, 0], ["temperature", 38.1, 1], ["temperature", 39.0, 1], ["temperature", 39.1, 2],
  ] as const)("boundary: %s %d scores %d", (key, value, expected) => {
    expect(news2({ ...healthy, [key]: value }).parts[key]).toBe(expected);
  });
});
