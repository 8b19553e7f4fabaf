import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { PERMISSIONS_POLICY, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("denies device features always, and sends HSTS only when the console is served over https", () => {
    expect(securityHeaders(undefined)).toEqual({ "Permissions-Policy": expect.stringContaining("camera=()") });
    expect(securityHeaders("http://vigil.ward.local")["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("https://vigil.example-hospital.org")["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("is the Permissions-Policy next.config.mjs sends on every route", async () => {
    const { default: config } = (await import(new URL("../../next.config.mjs", import.meta.url).href)) as { default: { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> } };
    const all = (await config.headers()).find((r) => r.source === "/:path*")!;
    expect(all.headers).toContainEqual({ key: "Permissions-Policy", value: PERMISSIONS_POLICY });
    expect(readFileSync(new URL("../../next.config.mjs", import.meta.url), "utf8")).toContain("security-headers.ts");
  });
});
