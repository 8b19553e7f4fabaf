import type { Verdict } from "../regression/types";

/**
 * The CLI's exit codes, documented in the README and `--help`:
 * 0 passed; 1 a threshold or safety check failed; 2 invalid run or bad input; 3 a regression
 * against the baseline; 4 the comparison with the baseline was inconclusive (0 with
 * `--allow-inconclusive`), so a gate that could not judge does not pass silently.
 */
export const EXIT = { passed: 0, failed: 1, invalid: 2, regression: 3, inconclusive: 4 } as const;

export function exitCodeOf(run: { invalid: boolean; passed: boolean }, verdict: Verdict | undefined, allowInconclusive = false): number {
  if (run.invalid) return EXIT.invalid;
  if (verdict === "regression") return EXIT.regression;
  if (!run.passed) return EXIT.failed;
  if (verdict === "inconclusive" && !allowInconclusive) return EXIT.inconclusive;
  return EXIT.passed;
}
