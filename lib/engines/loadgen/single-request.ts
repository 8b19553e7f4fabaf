import { errorKind, type Target } from "./http-target";
import type { Iteration } from "./open-model";

/** The ad-hoc iteration: one request to one path, timed from its scheduled start when open. */
export function singleRequest(target: Target, endpoint = "GET /", path = "/"): Iteration {
  return async ({ scheduledAt, record }) => {
    const start = scheduledAt ?? performance.now();
    try {
      const r = await target.request("GET", path);
      record(endpoint, start, r.status, r.status >= 400 ? "status" : null);
    } catch (err) {
      record(endpoint, start, null, errorKind(err));
    }
  };
}
