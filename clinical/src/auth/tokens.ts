import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { LRUCache } from "lru-cache";
import { AUTH_DEFAULTS, TOKEN_AUDIENCE, TOKEN_ISSUER } from "./policy";
import { formatScopes, parseScopes, type Scope } from "./scopes";

export interface VerifiedToken {
  clientId: string;
  scopes: Scope[];
  /** Expiry, epoch milliseconds. */
  expiresAtMs: number;
}

/** Signs a token for `clientId` with exactly `scopes`, valid `lifetimeS` seconds. */
export async function issueToken(key: Uint8Array, clientId: string, scopes: Scope[], lifetimeS: number): Promise<{ token: string; expiresIn: number; scope: string }> {
  const scope = formatScopes(scopes);
  const token = await new SignJWT({ scope })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(clientId)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${lifetimeS}s`)
    .sign(key);
  return { token, expiresIn: lifetimeS, scope };
}

/**
 * Verifies bearer tokens, remembering each verified one until it expires: a repeated token costs
 * a map lookup, not an HMAC and a JSON parse. Bounded (least recently used dropped first). A
 * cached token stops working at its `exp` exactly as an uncached one would; revoking a client
 * stops new tokens, and tokens already issued run out within their lifetime.
 */
export class TokenVerifier {
  readonly #cache: LRUCache<string, VerifiedToken>;
  constructor(private readonly key: Uint8Array, entries: number = AUTH_DEFAULTS.verifiedTokenCacheEntries) {
    this.#cache = new LRUCache({ max: entries });
  }

  /** A token verified here before: its client and scopes, null once it has expired; undefined if never seen. */
  remembered(token: string): VerifiedToken | null | undefined {
    const hit = this.#cache.get(token);
    if (!hit) return undefined;
    if (Date.now() < hit.expiresAtMs) return hit;
    this.#cache.delete(token);
    return null;
  }

  /** The token's client and scopes, or null when it is malformed, forged, expired or not ours. */
  async verify(token: string): Promise<VerifiedToken | null> {
    const known = this.remembered(token);
    if (known !== undefined) return known;
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, typ: "at+jwt", requiredClaims: ["exp", "sub"] });
      if (typeof payload.scope !== "string" || typeof payload.sub !== "string") return null;
      const verified = { clientId: payload.sub, scopes: parseScopes(payload.scope).scopes, expiresAtMs: payload.exp! * 1000 };
      if (Date.now() >= verified.expiresAtMs) return null;
      this.#cache.set(token, verified);
      return verified;
    } catch {
      return null;
    }
  }

  /** Tokens currently remembered (tests, and a bound that holds). */
  get cached(): number {
    return this.#cache.size;
  }
}
