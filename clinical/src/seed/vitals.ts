import type { Acvpu } from "../fhir/codes";

export interface VitalSet {
  heartRate: number;
  respiratoryRate: number;
  spo2: number;
  systolicBp: number;
  temperature: number;
  consciousness: Acvpu;
  inspiredOxygen: number;
}

/** Standard normal from two uniforms (Box-Muller). */
export function gaussian(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const round = (v: number, digits = 0) => Math.round(v * 10 ** digits) / 10 ** digits;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * One set of vital signs. `severity` runs from 0 (well) to 1 (critically ill) and shifts every
 * parameter the way deterioration does, so NEWS2 scores spread across all bands.
 */
export function vitalSet(rand: () => number, severity: number): VitalSet {
  const g = () => gaussian(rand);
  const conscious: Acvpu = severity > 0.8 && rand() < 0.3 ? (rand() < 0.5 ? "V" : "C") : "A";
  return {
    heartRate: round(clamp(78 + 45 * severity + 10 * g(), 35, 190)),
    respiratoryRate: round(clamp(15 + 12 * severity + 2 * g(), 6, 45)),
    spo2: round(clamp(97.5 - 8 * severity + 1.2 * g(), 70, 100)),
    systolicBp: round(clamp(126 - 40 * severity + 15 * g(), 60, 240)),
    temperature: round(clamp(36.9 + 2 * severity * (rand() < 0.7 ? 1 : -1) + 0.35 * g(), 33, 42), 1),
    consciousness: conscious,
    inspiredOxygen: severity > 0.5 && rand() < severity ? round(24 + 36 * severity) : 21,
  };
}
