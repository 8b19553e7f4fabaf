import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, STATIC_PAGE_CSP } from "./content-security-policy";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("the console's Content-Security-Policy", () => {
  it("allows only nonce'd scripts (and what they load), never inline code or eval in production", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy(nonce, { https: false, development: false });
    expect(directive(csp, "script-src")).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy(nonce, { https: true, development: false })).toContain("upgrade-insecure-requests");
    expect(directive(contentSecurityPolicy(nonce, { https: false, development: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("uses a fresh, unguessable nonce each time and refuses a weak one", () => {
    const seen = new Set(Array.from({ length: 1000 }, newNonce));
    expect(seen.size).toBe(1000);
    for (const n of seen) expect(Buffer.from(n, "base64")).toHaveLength(16);
    expect(() => contentSecurityPolicy("abc", { https: false, development: false })).toThrow(/nonce/);
    expect(() => contentSecurityPolicy("x'; script-src *; '0123456789", { https: false, development: false })).toThrow(/nonce/);
  });

  it("is the policy next.config.mjs sends on the two prerendered pages", async () => {
    const { default: config } = (await import(new URL("../../next.config.mjs", import.meta.url).href)) as { default: { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> } };
    const rules = await config.headers();
    for (const source of ["/offline", "/signed-out"]) {
      const csp = rules.filter((r) => r.source === source).flatMap((r) => r.headers).find((h) => h.key === "Content-Security-Policy");
      expect(csp?.value, source).toBe(STATIC_PAGE_CSP);
    }
    expect(STATIC_PAGE_CSP).toContain("frame-ancestors 'none'");
  });
});
