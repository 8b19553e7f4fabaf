import "server-only";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ClusterParams } from "@/core/engines/scaling/types";

/** bench/results/scaling.json, when `npm run bench:scaling` has measured per-worker capacity and start-up time. */
export function measuredParams(): { params: ClusterParams; at: string } | null {
  try {
    const r = JSON.parse(readFileSync(resolve(process.cwd(), "bench/results/scaling.json"), "utf8")) as { at: string; params: ClusterParams };
    return r.params?.perReplicaCapacityRps > 0 ? { params: r.params, at: r.at } : null;
  } catch {
    return null;
  }
}
