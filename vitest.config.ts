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
    // One file at a time: the timing-sensitive suites (load-generator accuracy, regression gate,
    // cross-instance invalidation, Redis fault) need the 2-core machine to themselves.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
