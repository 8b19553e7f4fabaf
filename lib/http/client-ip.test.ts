import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-ip";

const proxies = trustedProxies(["127.0.0.1", "10.0.0.0/8"]);

describe("clientAddress", () => {
  it("uses the socket address when the peer is not a trusted proxy, whatever the header says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", proxies)).toBe("203.0.113.9");
  });

  it("takes the right-most untrusted X-Forwarded-For entry behind trusted proxies", () => {
    // The client wrote 1.1.1.1 itself; 198.51.100.7 is what our proxy 10.0.0.5 saw.
    expect(clientAddress("127.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.5", proxies)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:127.0.0.1", ["1.1.1.1", "198.51.100.7"], proxies)).toBe("198.51.100.7");
  });

  it("stops at a malformed hop and falls back to the last address it can vouch for", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7, not-an-ip", proxies)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
  });

  it("trusts nothing when no proxy is configured", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7", trustedProxies([]))).toBe("127.0.0.1");
  });

  it("refuses an entry that is not an address or range", () => {
    expect(() => trustedProxies(["proxy.local"])).toThrow(/not an IP address/);
  });
});
