export { bootstrapRatioCI, median, percentile, type BootstrapOptions, type RatioInterval } from "./bootstrap";
export { detectChangePoints, effectiveBaselineStart, type ChangePoint, type ChangePointOptions } from "./change-points";
export { fisherGreater, logChoose, logGamma } from "./fisher";
export { holm, holmAdjusted } from "./holm";
export { exactUpperTail, mannWhitneyGreater, mannWhitneyLess, type MannWhitneyResult } from "./mann-whitney";
export { simulateRunWindows, type SyntheticRunOptions } from "./synthetic";
export type * from "./types";
export { regressionVerdict } from "./verdict";
export { trimWarmup, windowCount, windowIndex, WINDOW_SECONDS } from "./windows";
