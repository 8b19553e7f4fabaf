import type { FastifyInstance, FastifyRequest } from "fastify";
import { NonceWindow, verifyAdminRequest } from "@/core/engines/cache/signature";
import { ClinicalError } from "../errors";

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Console → service admin calls are signed (core/engines/cache/signature.ts): HMAC over method,
 * path without query, timestamp, a one-time nonce and the raw body ('' without one); a nonce
 * seen before within the window is a replay. In this plugin scope JSON
 * bodies reach handlers as the raw string, so the signature covers exactly the bytes sent;
 * handlers parse them only after `requireSignature` has passed.
 * No secret configured: 503; missing, stale, replayed or wrong signature: 401 (the reason is not echoed).
 */
export function signedAdminScope(app: FastifyInstance, secret: string | undefined): void {
  const nonces = new NonceWindow();
  for (const type of ["application/json", "application/fhir+json"]) {
    if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
    app.addContentTypeParser(type, { parseAs: "string" }, (_req, body, done) => done(null, body));
  }
  app.addHook("preHandler", async (req) => {
    if (!secret) throw new ClinicalError("UNAVAILABLE", "Cache administration is disabled: CLINICAL_ADMIN_SECRET is not configured on the clinical service.");
    const body = typeof req.body === "string" ? req.body : "";
    const path = req.url.split("?")[0] ?? req.url;
    const refused = verifyAdminRequest(
      secret,
      { method: req.method, path, body, timestamp: header(req, "x-vigil-timestamp"), nonce: header(req, "x-vigil-nonce"), signature: header(req, "x-vigil-signature") },
      nonces,
    );
    if (refused) {
      req.log.warn({ route: req.routeOptions.url, reason: refused }, "admin request refused");
      throw new ClinicalError("UNAUTHENTICATED", "A valid x-vigil-timestamp and x-vigil-signature are required.");
    }
  });
}

/** Parses a verified raw JSON body; malformed JSON is a 400. */
export function jsonBody(req: FastifyRequest): unknown {
  try {
    return JSON.parse(typeof req.body === "string" && req.body !== "" ? req.body : "null");
  } catch {
    throw new ClinicalError("INVALID_INPUT", "Request body is not valid JSON.");
  }
}
