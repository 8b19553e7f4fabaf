import { parseThreshold } from "./thresholds";

/**
 * Figures rounded to what they can claim. Latencies come from HdrHistogram with 3 significant
 * digits (0.1% relative precision), so they are shown with 3 significant digits at most
 * (605.183 ms → "605", 27.456 → "27.5", 2.7561 → "2.76", 0.1234 → "0.123").
 */
export function formatMs(v: number): string {
  if (!Number.isFinite(v)) return "—";
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return v.toFixed(digits);
}

/** A fraction such as an error rate, to 3 significant digits without trailing zeros (0.0123, 0). */
export function formatFraction(v: number): string {
  if (!Number.isFinite(v)) return "—";
  if (v === 0) return "0";
  return String(Number(v.toPrecision(3)));
}

/** Requests per second: whole numbers from 100 up, one decimal below. */
export function formatRate(v: number): string {
  if (!Number.isFinite(v)) return "—";
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

/** A threshold's measured value in its metric's unit and precision (`p(95) < 500` → "27.5"). */
export function formatThresholdActual(expression: string, actual: number): string {
  const { metric } = parseThreshold(expression);
  if (metric === "error_rate") return formatFraction(actual);
  if (metric === "rps") return formatRate(actual);
  return formatMs(actual);
}
