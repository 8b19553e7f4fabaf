import { hash } from "node:crypto";
import type { FastifyInstance } from "fastify";

/** A weak validator over the exact bytes sent: any change to the resource changes it (one-shot hash: no Hash object per response). */
export function etagOf(payload: string | Buffer): string {
  return `W/"${hash("sha256", payload, "base64url").slice(0, 27)}"`;
}

/** RFC 9110 weak comparison against an If-None-Match list (or `*`). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || opaque(t) === opaque(etag));
}

/**
 * FHIR reads carry an ETag and answer a matching If-None-Match with 304 (no body). Responses
 * stay `private, no-store`: PHI never sits in a shared or disk cache; a client that kept its own
 * copy revalidates it without downloading it again.
 */
export function fhirEtags(app: FastifyInstance): void {
  // Callback style: no promise per response on the hot path.
  app.addHook("onSend", (req, reply, payload, done) => {
    if (req.method !== "GET" || reply.statusCode !== 200 || !req.url.startsWith("/fhir/")) return done(null, payload);
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return done(null, payload);
    // A route that already knows its bytes' ETag (a cached read) sets it; otherwise hash them.
    const etag = (reply.getHeader("etag") as string | undefined) ?? etagOf(payload);
    reply.header("etag", etag);
    if (!matchesIfNoneMatch(req.headers["if-none-match"], etag)) return done(null, payload);
    reply.code(304);
    reply.removeHeader("content-type");
    reply.removeHeader("content-length");
    done(null, "");
  });
}
