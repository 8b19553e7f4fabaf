/** One scrape: when, and the cumulative request count (all classes). */
export type CounterSample = { atMs: number; total: number };

const HOUR_MS = 3_600_000;

/**
 * Hourly mean request rate (req/s) from cumulative counter scrapes: each interval's increase
 * (a drop means the service restarted, so the new value is the increase) is credited to the hour
 * it ends in. Only the most recent run of consecutive hours with data is returned: a gap is not
 * filled with guesses. The last, incomplete hour is left out.
 */
export function hourlyRatesFromCounters(samples: CounterSample[], nowMs: number): { startMs: number; values: number[] } {
  const sums = new Map<number, { requests: number; seconds: number }>();
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const seconds = (b.atMs - a.atMs) / 1000;
    if (seconds <= 0 || seconds > 3600) continue;
    const hour = Math.floor(b.atMs / HOUR_MS);
    if (hour >= Math.floor(nowMs / HOUR_MS)) continue;
    const inc = b.total >= a.total ? b.total - a.total : b.total;
    const s = sums.get(hour) ?? { requests: 0, seconds: 0 };
    sums.set(hour, { requests: s.requests + inc, seconds: s.seconds + seconds });
  }
  const hours = [...sums.keys()].sort((x, y) => x - y);
  let start = hours.length - 1;
  while (start > 0 && hours[start - 1] === hours[start]! - 1) start--;
  const run = hours.slice(Math.max(0, start));
  return { startMs: (run[0] ?? 0) * HOUR_MS, values: run.map((h) => sums.get(h)!.requests / sums.get(h)!.seconds) };
}
