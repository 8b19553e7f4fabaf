import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { ClinicalDb } from "../db/query";
import { authenticateClient } from "./clients";
import { grantScopes, parseScopes } from "./scopes";
import { issueToken } from "./tokens";

/**
 * OAuth 2.0 token errors (RFC 6749 §5.2): their own JSON shape, not OperationOutcomes, because
 * OAuth client libraries read `error`. The FHIR routes' errors are in clinical/src/errors.ts.
 */
const OAUTH_ERRORS = {
  invalid_request: 400,
  invalid_client: 401,
  unsupported_grant_type: 400,
  invalid_scope: 400,
} as const satisfies Record<string, number>;

type OAuthError = keyof typeof OAUTH_ERRORS;

function refuse(reply: FastifyReply, error: OAuthError, description: string) {
  if (error === "invalid_client") reply.header("www-authenticate", 'Basic realm="vigil-clinical"');
  return reply.code(OAUTH_ERRORS[error]).header("cache-control", "no-store").send({ error, error_description: description });
}

/** Client id and secret from HTTP Basic (each form-urlencoded first, RFC 6749 §2.3.1) or the form's client_id / client_secret. */
function credentialsOf(req: FastifyRequest, form: Record<string, string>): { id: string; secret: string } | null {
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (basic) {
    const text = Buffer.from(basic, "base64").toString("utf8");
    const colon = text.indexOf(":");
    if (colon < 0) return null;
    try {
      return { id: decodeURIComponent(text.slice(0, colon).replace(/\+/g, " ")), secret: decodeURIComponent(text.slice(colon + 1).replace(/\+/g, " ")) };
    } catch {
      return null;
    }
  }
  return form.client_id && form.client_secret ? { id: form.client_id, secret: form.client_secret } : null;
}

// A form of a grant type, an id, a secret and some scopes is well under this.
const FORM_LIMIT_BYTES = 8 * 1024;

/**
 * `POST /auth/token`: the client credentials grant (SMART Backend Services style, with a client
 * secret). Grants the requested scopes narrowed to the client's registered ones, as a
 * short-lived signed JWT. Rate-limited per source address (there is no client yet; see
 * http/endpoint-cost.ts) and never logged beyond the route template; the secret check costs one
 * scrypt (~50 ms) whatever the outcome.
 */
export const tokenRoutes: FastifyPluginAsync<{ db: ClinicalDb; key: Uint8Array; lifetimeS: number }> = async (app, { db, key, lifetimeS }) => {
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: FORM_LIMIT_BYTES }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.post("/auth/token", async (req, reply) => {
    const form = (req.body && typeof req.body === "object" ? req.body : {}) as Record<string, string>;
    if (!req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) return refuse(reply, "invalid_request", "Send application/x-www-form-urlencoded.");
    if (form.grant_type !== "client_credentials") return refuse(reply, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
    const credentials = credentialsOf(req, form);
    if (!credentials) return refuse(reply, "invalid_client", "Client id and secret are required (HTTP Basic, or client_id and client_secret).");
    const client = await authenticateClient(db, credentials.id, credentials.secret);
    if (!client) return refuse(reply, "invalid_client", "Unknown client, revoked client or wrong secret.");
    const requested = parseScopes(form.scope ?? "");
    if (requested.invalid.length) return refuse(reply, "invalid_scope", `Not SMART v2 system scopes: ${requested.invalid.join(" ")}`);
    if (requested.scopes.length === 0) return refuse(reply, "invalid_scope", "scope is required, e.g. scope=system/Patient.rs");
    const granted = grantScopes(requested.scopes, client.scopes);
    if (granted.length === 0) return refuse(reply, "invalid_scope", "None of the requested scopes is registered for this client.");
    const { token, expiresIn, scope } = await issueToken(key, client.id, granted, lifetimeS);
    return reply.header("cache-control", "no-store").header("pragma", "no-cache").send({ access_token: token, token_type: "bearer", expires_in: expiresIn, scope });
  });
};
