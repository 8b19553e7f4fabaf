import { describe, expect, it } from "vitest";
import { guardTarget, TargetRefused } from "./target-guard";
import { pinnedLookup } from "./http-target";

describe("load-test target guard", () => {
  it("allows loopback and pins the resolved address", async () => {
    await expect(guardTarget("http://127.0.0.1:4000/fhir")).resolves.toMatchObject({ address: "127.0.0.1", family: 4, origin: "http://127.0.0.1:4000" });
    await expect(guardTarget("http://[::1]:4000/")).resolves.toMatchObject({ address: "::1", family: 6 });
    const local = await guardTarget("http://localhost:4000/");
    expect(["127.0.0.1", "::1"]).toContain(local.address);
  });

  it.each([
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/"],
    ["link-local v6", "http://[fe80::1]/"],
    ["a private address not on the allowlist", "http://10.1.2.3/"],
    ["a public address not on the allowlist", "http://93.184.216.34/"],
    ["a non-http scheme", "file:///etc/passwd"],
    ["credentials in the URL", "http://user:pw@127.0.0.1/"],
    ["not a URL", "::nope::"],
  ])("refuses %s", async (_label, url) => {
    await expect(guardTarget(url)).rejects.toBeInstanceOf(TargetRefused);
  });

  it("allows a non-loopback host only when it is on the allowlist, and never link-local", async () => {
    await expect(guardTarget("http://10.1.2.3/", ["10.1.2.3"])).resolves.toMatchObject({ address: "10.1.2.3" });
    await expect(guardTarget("http://169.254.169.254/", ["169.254.169.254"])).rejects.toBeInstanceOf(TargetRefused);
  });

  it("refuses a host name that does not resolve, naming it, instead of throwing ENOTFOUND", async () => {
    // .invalid never resolves (RFC 2606): the lookup fails locally, nothing leaves the machine.
    const err = await guardTarget("https://nonexistent.invalid/").catch((e) => e);
    expect(err).toBeInstanceOf(TargetRefused);
    expect(err.message).toMatch(/nonexistent\.invalid does not resolve/);
  });

  it("pins every address of a name, and the pinned lookup answers Node's { all: true } form with an array", async () => {
    const pinned = await guardTarget("http://localhost:4000/");
    expect(pinned.addresses.length).toBeGreaterThan(0);
    const lookup = pinnedLookup({ address: "127.0.0.1", family: 4 });
    const all = await new Promise((r) => lookup("localhost", { all: true }, (_e, a) => r(a)));
    expect(all).toEqual([{ address: "127.0.0.1", family: 4 }]);
    const one = await new Promise((r) => lookup("localhost", {}, (_e, a, f) => r([a, f])));
    expect(one).toEqual(["127.0.0.1", 4]);
  });
});
