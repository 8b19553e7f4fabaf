import { POOL_CLASSES, rankOf, type PoolClass, type PoolSettings } from "./classes";

export type ClassCounts = Record<PoolClass, number>;

export const zeroCounts = (): ClassCounts => Object.fromEntries(POOL_CLASSES.map((c) => [c, 0])) as ClassCounts;

/**
 * Connections class `c` must leave free: the still-unused reservations of the classes above it.
 * Reservations nest (a class may use the reservations of the classes below it), so for each
 * higher rank j the classes ranked 0..j together are owed (their reservations − what they
 * hold); the largest of those amounts is protected.
 */
export function protectedFor(c: PoolClass, inUse: ClassCounts, settings: PoolSettings): number {
  let reserved = 0;
  let used = 0;
  let protect = 0;
  for (let k = 0; k < rankOf(c); k++) {
    const above = POOL_CLASSES[k]!;
    reserved += settings.classes[above].reserved;
    used += inUse[above];
    protect = Math.max(protect, reserved - used);
  }
  return protect;
}

/** True when one more connection may go to class `c` now. */
export function canAdmit(c: PoolClass, inUse: ClassCounts, settings: PoolSettings): boolean {
  let held = 0;
  for (const k of POOL_CLASSES) held += inUse[k];
  const free = settings.size - held;
  return free >= 1 && free - 1 >= protectedFor(c, inUse, settings);
}
