import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { HOURS_PER_DAY, HOURS_PER_WEEK, type Forecaster } from "./types";

/**
 * MSTL (daily + weekly seasonality) with an AutoETS trend from @bsull/augurs, which runs in
 * WebAssembly. The .wasm is read from node_modules once; the engine stays free of I/O otherwise.
 */
type Mstl = typeof import("@bsull/augurs/mstl");
let loaded: Promise<Mstl> | null = null;

function loadAugurs(): Promise<Mstl> {
  loaded ??= (async () => {
    const mod = await import("@bsull/augurs/mstl");
    // The package exports only the JS entry; its .wasm sits beside it.
    // Resolved from the working directory, not import.meta.url: Next's server bundle rewrites the latter.
    const wasm = join(dirname(createRequire(join(process.cwd(), "package.json")).resolve("@bsull/augurs/mstl")), "mstl_bg.wasm");
    await mod.default({ module_or_path: readFileSync(wasm) });
    return mod;
  })();
  return loaded;
}

export const mstlEts: Forecaster = {
  name: "mstl-ets",
  // Two seasons of the longest period: Holt-Winters-style fits on fewer are unreliable.
  minHistoryHours: 2 * HOURS_PER_WEEK,
  async forecast(history, horizon, level) {
    const { MSTL } = await loadAugurs();
    const model = MSTL.ets([HOURS_PER_DAY, HOURS_PER_WEEK]);
    try {
      model.fit(history.values);
      const out = model.predict(horizon, level);
      const point = out.point.map((p) => Math.max(0, p));
      const lower = (out.intervals?.lower ?? out.point).map((p) => Math.max(0, p));
      const upper = out.intervals?.upper ?? out.point;
      return { point, lower, upper, level };
    } finally {
      model.free();
    }
  },
};
