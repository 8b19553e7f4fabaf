import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const ALL = ["{core,lib,clinical,test,scripts}/**/*.test.ts"];

/**
 * Suites that measure time (load-generator accuracy, the regression gate's real runs, the
 * write barrier and Redis fault timings, child-process supervision) need the 2-core machine to
 * themselves: they run one at a time, after everything else. Every other suite isolates its
 * state (its own PostgreSQL database, its own Redis key prefix and bus channels) and runs in
 * parallel.
 */
export const TIMING_SENSITIVE = [
  "core/engines/loadgen/engine.test.ts",
  "core/engines/loadgen/raw-http.test.ts",
  "test/loadgen/**/*.test.ts",
  "test/services/run-supervisor.test.ts",
  "clinical/test/cache-fault.test.ts",
  "clinical/test/cache-instances.test.ts",
  "clinical/test/cache-barrier.test.ts",
  "clinical/test/cache-quarantine.test.ts",
  "test/database/optimize-flow.test.ts",
  "clinical/test/cluster.test.ts",
  // Settings "in effect within a second" (the figure the pages show) and Redis loss mid-load.
  "test/services/pool-settings.test.ts",
  "test/services/resources.test.ts",
  "test/services/caching.test.ts",
  "clinical/test/rate-limit.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "server-only": fileURLToPath(new URL("./test/stubs/server-only.ts", import.meta.url)),
      "@": fileURLToPath(new URL("./", import.meta.url)),
    },
  },
  test: {
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: "parallel", include: ALL, exclude: ["node_modules/**", "e2e/**", ".next/**", ...TIMING_SENSITIVE], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "timing", include: TIMING_SENSITIVE, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
