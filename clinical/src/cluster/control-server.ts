import { createServer, type Server } from "node:http";
import { z } from "zod";
import { NonceWindow, verifyAdminRequest } from "@/core/engines/cache/signature";
import type { Primary } from "./primary";

const bodySchema = z.object({ workers: z.number().int().min(1).max(64) });

/**
 * The cluster's control plane on loopback: GET /cluster/state and PUT /cluster/workers, both
 * signed like the cache control plane (HMAC with CLINICAL_ADMIN_SECRET). No secret: 503.
 */
export function startControlServer(primary: Primary, secret: string | undefined, port: number, host = "127.0.0.1"): Promise<Server> {
  const nonces = new NonceWindow();
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    let body = "";
    for await (const chunk of req) {
      body += chunk;
      if (body.length > 4096) return send(413, { error: "body too large" });
    }
    if (!secret) return send(503, { error: "cluster control is not configured: set CLINICAL_ADMIN_SECRET" });
    const path = (req.url ?? "/").split("?")[0]!;
    const header = (name: string) => req.headers[name] as string | undefined;
    const refused = verifyAdminRequest(secret, { method: req.method ?? "GET", path, body, timestamp: header("x-vigil-timestamp"), nonce: header("x-vigil-nonce"), signature: header("x-vigil-signature") }, nonces);
    if (refused) return send(401, { error: refused });
    if (req.method === "GET" && path === "/cluster/state") return send(200, primary.state());
    if (req.method === "PUT" && path === "/cluster/workers") {
      let parsed;
      try {
        parsed = bodySchema.safeParse(JSON.parse(body));
      } catch {
        return send(400, { error: "body must be JSON" });
      }
      if (!parsed.success) return send(400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      const outcome = await primary.setWorkers(parsed.data.workers);
      return send(outcome.ok ? 200 : 409, { ...outcome, state: primary.state() });
    }
    return send(404, { error: "not found" });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
