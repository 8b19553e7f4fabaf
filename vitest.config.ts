import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "server-only": fileURLToPath(new URL("./test/stubs/server-only.ts", import.meta.url)),
      "@": fileURLToPath(new URL("./", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,clinical,test,scripts}/**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One file at a time: the cache suites' instances share one Redis bus channel, so suites
    // running side by side evict each other's memory entries, and the timing-sensitive suites
    // (accuracy, cross-instance invalidation) need the machine to themselves.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
