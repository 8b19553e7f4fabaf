import { describe, expect, it } from "vitest";
import { DEFAULT_ADMISSION_SETTINGS as S } from "./defaults";
import { admits, guaranteedSlots } from "./partitions";

describe("partitions (shares 50/30/20 %, borrow ceilings 100/85/70 %)", () => {
  it("guarantees floor(limit × share)", () => {
    expect(guaranteedSlots(100, S)).toEqual({ "patient-data": 50, "clinical-data": 30, "ai-inference": 20 });
    expect(guaranteedSlots(7, S)).toEqual({ "patient-data": 3, "clinical-data": 2, "ai-inference": 1 });
  });

  it("admits a class under its share even when the whole limit is in use", () => {
    expect(admits("ai-inference", 100, 19, 130, S)).toBe(true);
    expect(admits("patient-data", 100, 49, 100, S)).toBe(true);
  });

  it("lets a class above its share borrow only below its ceiling: AI inference stops at 70, clinical at 85, patient at 100", () => {
    expect(admits("ai-inference", 100, 20, 69, S)).toBe(true);
    expect(admits("ai-inference", 100, 20, 70, S)).toBe(false);
    expect(admits("clinical-data", 100, 30, 84, S)).toBe(true);
    expect(admits("clinical-data", 100, 30, 85, S)).toBe(false);
    expect(admits("patient-data", 100, 50, 99, S)).toBe(true);
    expect(admits("patient-data", 100, 50, 100, S)).toBe(false);
  });
});
