/** A recurring window in the hospital's local week: days 0 = Monday … 6 = Sunday, hours [start, end). */
export type ScheduleWindow = { name: string; days: number[]; startHour: number; endHour: number; minReplicas: number };

/** The product's default windows (replica counts are set per policy). */
export const DEFAULT_WINDOWS = [
  { name: "morning-rounds", days: [0, 1, 2, 3, 4, 5, 6], startHour: 6, endHour: 9 },
  { name: "afternoon-peak", days: [0, 1, 2, 3, 4], startHour: 14, endHour: 16 },
] as const;

/** The highest schedule floor active at `hourOfWeek` (fractional hours allowed), or 0. */
export function scheduleFloor(windows: ScheduleWindow[], hourOfWeek: number): number {
  const day = Math.floor(hourOfWeek / 24) % 7;
  const hour = hourOfWeek % 24;
  return windows.filter((w) => w.days.includes(day) && hour >= w.startHour && hour < w.endHour).reduce((m, w) => Math.max(m, w.minReplicas), 0);
}
