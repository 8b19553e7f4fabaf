import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ClinicalError } from "../errors";
import { routeTemplate } from "../metrics/instrument";
import { isFhirRoute, scopeRuleOf, type ScopeRule } from "./route-scopes";
import { setRequestClient } from "./request-client";
import { allows } from "./scopes";
import type { TokenVerifier, VerifiedToken } from "./tokens";

const REALM = 'Bearer realm="vigil-clinical"';
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;

function challenge(reply: FastifyReply, error?: string, scope?: string): void {
  reply.header("www-authenticate", [REALM, error && `error="${error}"`, scope && `scope="${scope}"`].filter(Boolean).join(", "));
}

/**
 * One onRequest hook for every /fhir route: a bearer token whose SMART scopes cover the route's
 * resource type and interaction (route-scopes.ts). Missing or invalid: 401 with
 * WWW-Authenticate; valid but without the scope: 403. Registered before the routes and before
 * rate limiting, which then charges the client instead of its address. A /fhir route without a
 * rule stops the app from starting, so a new endpoint cannot be left open by omission. The token
 * is never logged or labelled; it is read from the header, checked and dropped.
 */
export function requireToken(app: FastifyInstance, verifier: TokenVerifier): void {
  const rules = new Map<string, ScopeRule>();
  app.addHook("onRoute", (route) => {
    if (!isFhirRoute(route.url)) return;
    for (const method of [route.method].flat()) {
      const rule = scopeRuleOf(method, route.url);
      if (!rule) throw new Error(`${method} ${route.url} has no SMART scope rule (clinical/src/auth/route-scopes.ts)`);
      rules.set(`${method} ${route.url}`, rule);
    }
  });
  // Callback style: a token verified before is checked without a promise (the common case).
  app.addHook("onRequest", (req, reply, done) => {
    const rule = rules.get(`${req.method} ${routeTemplate(req)}`);
    if (!rule) return done(); // health, metrics, /auth/token, signed /admin/*, unmatched (404)
    const header = req.headers.authorization;
    const token = header ? BEARER.exec(header)?.[1] : undefined;
    if (!token) {
      challenge(reply);
      return done(new ClinicalError("UNAUTHENTICATED", "A bearer token is required: Authorization: Bearer <token> from POST /auth/token."));
    }
    const known = verifier.remembered(token);
    if (known !== undefined) return done(admit(req, reply, rule, known));
    verifier.verify(token).then((verified) => admit(req, reply, rule, verified)).then((refusal) => done(refusal), done);
  });
}

/** The refusal for a request with this (verified or failed) token, or undefined once its client is recorded. */
function admit(req: FastifyRequest, reply: FastifyReply, rule: ScopeRule, verified: VerifiedToken | null): ClinicalError | undefined {
  if (!verified) {
    challenge(reply, "invalid_token");
    return new ClinicalError("UNAUTHENTICATED", "The bearer token is invalid or has expired; request a new one from POST /auth/token.");
  }
  if (!allows(verified.scopes, rule.resource, rule.interaction)) {
    const needed = `system/${rule.resource}.${rule.interaction}`;
    challenge(reply, "insufficient_scope", needed);
    return new ClinicalError("FORBIDDEN", `This token's scopes do not include ${needed}.`);
  }
  setRequestClient(req, verified.clientId);
  return undefined;
}
