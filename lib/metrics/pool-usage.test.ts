import { describe, expect, it } from "vitest";
import { poolUsage } from "./pool-usage";

const TEXT = `# HELP clinical_db_pool_wait_seconds x
# TYPE clinical_db_pool_wait_seconds histogram
clinical_db_pool_wait_seconds_bucket{le="0.0001",class="emergency"} 20
clinical_db_pool_wait_seconds_bucket{le="0.1",class="emergency"} 20
clinical_db_pool_wait_seconds_bucket{le="+Inf",class="emergency"} 20
clinical_db_pool_wait_seconds_bucket{le="0.0001",class="ai-inference"} 90
clinical_db_pool_wait_seconds_bucket{le="0.5",class="ai-inference"} 94
clinical_db_pool_wait_seconds_bucket{le="1",class="ai-inference"} 100
clinical_db_pool_wait_seconds_bucket{le="+Inf",class="ai-inference"} 100
clinical_db_pool_in_use{class="ai-inference"} 5
clinical_db_pool_waiting{class="ai-inference"} 3
clinical_db_pool_timeouts_total{class="ai-inference",kind="statement"} 2
clinical_db_pool_timeouts_total{class="ai-inference",kind="wait"} 1
`;

describe("poolUsage", () => {
  it("reads p95 wait (bucket upper bound), usage and timeouts per class", () => {
    const u = poolUsage(TEXT);
    // emergency: all 20 at or under 0.1 ms. AI: 95th of 100 lies past 94 → the 1 s bucket.
    expect(u.emergency).toEqual({ queries: 20, waitP95S: 0.0001, inUse: 0, waiting: 0, timeouts: { wait: 0, statement: 0 } });
    expect(u["ai-inference"]).toEqual({ queries: 100, waitP95S: 1, inUse: 5, waiting: 3, timeouts: { wait: 1, statement: 2 } });
  });
});
