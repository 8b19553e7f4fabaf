import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "../env";

async function freshConfig(publicUrl: string | undefined) {
  if (publicUrl) process.env.VIGIL_PUBLIC_URL = publicUrl;
  else delete process.env.VIGIL_PUBLIC_URL;
  resetEnvForTests();
  vi.resetModules();
  return (await import("./base-config")).baseAuthConfig;
}

afterEach(() => {
  delete process.env.VIGIL_PUBLIC_URL;
  resetEnvForTests();
});

describe("session cookie", () => {
  it("is Secure whenever users reach the console over https, also behind a TLS-terminating proxy", async () => {
    expect((await freshConfig("https://vigil.example-hospital.org")).useSecureCookies).toBe(true);
    expect((await freshConfig("http://127.0.0.1:3000")).useSecureCookies).toBe(false);
    expect((await freshConfig(undefined)).useSecureCookies).toBe(false);
  });
});
