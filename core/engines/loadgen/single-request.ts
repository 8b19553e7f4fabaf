import { errorKind, type Target } from "./http-target";
import type { Iteration } from "./iteration";

/** The ad-hoc iteration: one request to one path, timed from its scheduled start when open. */
export function singleRequest(target: Target, endpoint = "GET /", path = "/"): Iteration {
  const iteration: Iteration = async ({ scheduledAt, record }) => {
    const start = scheduledAt ?? performance.now();
    try {
      const r = await target.request("GET", path);
      record(endpoint, start, r.status, r.status >= 400 ? "status" : null);
    } catch (err) {
      record(endpoint, start, null, errorKind(err));
    }
  };
  iteration.direct = ({ scheduledAt, record }, done) => {
    const start = scheduledAt ?? performance.now();
    target.send("GET", path, (status, err) => {
      record(endpoint, start, status, status === null ? errorKind(err) : status >= 400 ? "status" : null);
      done();
    });
  };
  return iteration;
}
