// One seedable PRNG for the whole repository (the load generator uses it too).
export { mulberry32 } from "@/core/engines/random";

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}
