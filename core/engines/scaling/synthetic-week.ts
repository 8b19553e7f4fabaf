import { mulberry32 } from "../random";
import type { DemandTrace } from "./types";

/**
 * A deterministic synthetic hospital: demand in req/s per minute. Every number is a named
 * assumption, not a measurement; traces built here are labelled "synthetic" wherever shown.
 */
export const SYNTHETIC_HOSPITAL = {
  /** Night-time floor, req/s. */
  nightRps: 40,
  /** Daytime plateau (08-20 local), req/s; weekends scale it by `weekendFactor`. */
  dayRps: 120,
  weekendFactor: 0.6,
  /** Morning rounds 06-09: extra req/s (charts and vitals pulled ward by ward). */
  morningRoundsExtraRps: 140,
  /** Afternoon peak 14-16: extra req/s (clinics, discharges). */
  afternoonPeakExtraRps: 110,
  /** Emergency surges: chance of one on a given day, its duration range (minutes), demand multiplier range. */
  surgeChancePerDay: 0.7,
  surgeMinutes: [20, 60] as const,
  surgeFactor: [1.6, 2.2] as const,
  /** Minute-to-minute noise: uniform ±share of the level. */
  noiseShare: 0.08,
} as const;

const MIN_PER_DAY = 1440;

/** Rounds start on time: demand rises over 5 minutes at each window's start and falls as fast at its end. */
function windowShape(minuteOfDay: number, startH: number, endH: number): number {
  const ramp = 5;
  const s = startH * 60;
  const e = endH * 60;
  if (minuteOfDay < s - ramp || minuteOfDay >= e + ramp) return 0;
  if (minuteOfDay < s) return (minuteOfDay - (s - ramp)) / ramp;
  if (minuteOfDay < e) return 1;
  return 1 - (minuteOfDay - e) / ramp;
}

function baseLevel(minuteOfWeek: number, h = SYNTHETIC_HOSPITAL): number {
  const day = Math.floor(minuteOfWeek / MIN_PER_DAY);
  const m = minuteOfWeek % MIN_PER_DAY;
  const weekend = day >= 5 ? h.weekendFactor : 1;
  // diurnal: cosine between night (04:00 lowest) and day plateau
  const diurnal = h.nightRps + (h.dayRps - h.nightRps) * (0.5 - 0.5 * Math.cos((2 * Math.PI * (m - 240)) / MIN_PER_DAY));
  const rounds = weekend === 1 ? h.morningRoundsExtraRps * windowShape(m, 6, 9) + h.afternoonPeakExtraRps * windowShape(m, 14, 16) : 0.5 * h.morningRoundsExtraRps * windowShape(m, 6, 9);
  return diurnal * weekend + rounds;
}

/** `weeks` consecutive weeks starting Monday 00:00, seeded so every run replays the same hospital. */
export function syntheticHospitalWeeks(weeks: number, seed: number, h = SYNTHETIC_HOSPITAL): DemandTrace {
  const rand = mulberry32(seed);
  const total = weeks * 7 * MIN_PER_DAY;
  const perMinute = Array.from({ length: total }, (_, i) => baseLevel(i % (7 * MIN_PER_DAY), h) * (1 + h.noiseShare * (2 * rand() - 1)));
  const surgeStarts: number[] = [];
  for (let day = 0; day < weeks * 7; day++) {
    if (rand() >= h.surgeChancePerDay) continue;
    const start = day * MIN_PER_DAY + Math.floor(rand() * MIN_PER_DAY);
    const length = Math.round(h.surgeMinutes[0] + rand() * (h.surgeMinutes[1] - h.surgeMinutes[0]));
    const factor = h.surgeFactor[0] + rand() * (h.surgeFactor[1] - h.surgeFactor[0]);
    for (let i = start; i < Math.min(total, start + length); i++) perMinute[i]! *= factor;
    surgeStarts.push(start);
  }
  return { perMinute, startHourOfWeek: 0, source: "synthetic", surgeStarts };
}

/** Hourly means of a per-minute trace (what the forecaster fits). */
export function hourlyMeans(perMinute: number[]): number[] {
  const hours = Math.floor(perMinute.length / 60);
  return Array.from({ length: hours }, (_, h) => perMinute.slice(h * 60, h * 60 + 60).reduce((a, b) => a + b, 0) / 60);
}
