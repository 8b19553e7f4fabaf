import { getHeapStatistics } from "node:v8";
import { Gauge, type Registry } from "prom-client";

/** V8's heap size limit, so memory use can be read as a share of it (the 80 % threshold). */
export function heapLimitGauge(registry: Registry): Gauge {
  return new Gauge({
    name: "clinical_heap_limit_bytes",
    help: "V8 heap size limit of this process (--max-old-space-size or V8's default); compare with clinical_nodejs_heap_size_used_bytes.",
    registers: [registry],
    collect() {
      this.set(getHeapStatistics().heap_size_limit);
    },
  });
}
