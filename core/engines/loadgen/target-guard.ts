import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export class TargetRefused extends Error {
  readonly code = "TARGET_REFUSED";
}

// Loopback is always allowed; anything else only by name on the allowlist, and never these.
const ALWAYS_REFUSED = new BlockList();
ALWAYS_REFUSED.addSubnet("169.254.0.0", 16); // link-local, including cloud metadata 169.254.169.254
ALWAYS_REFUSED.addSubnet("fe80::", 10, "ipv6");
ALWAYS_REFUSED.addAddress("0.0.0.0");
ALWAYS_REFUSED.addAddress("::", "ipv6");
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8);
LOOPBACK.addAddress("::1", "ipv6");

export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

export interface PinnedTarget extends PinnedAddress {
  origin: string;
  host: string;
  /** Every address the name resolved to, each checked; the first is `address`. */
  addresses: PinnedAddress[];
}

/** All addresses of a host (an IP literal is its own); a name that does not resolve is refused. */
async function resolve(host: string): Promise<PinnedAddress[]> {
  const literal = isIP(host);
  if (literal) return [{ address: host, family: literal as 4 | 6 }];
  try {
    return (await lookup(host, { all: true, verbatim: true })) as PinnedAddress[];
  } catch (err) {
    const code = (err as { code?: string }).code ?? "lookup failed";
    throw new TargetRefused(`${host} does not resolve (${code}): check the host name.`);
  }
}

/**
 * Resolves the target's host once and returns the addresses every connection will use (pinned,
 * so DNS cannot change them mid-run). Every address must pass: loopback passes; other hosts must
 * be named in `allowHosts`; link-local and metadata addresses never pass. A name that does not
 * resolve is a refusal (TargetRefused), not a crash.
 */
export async function guardTarget(rawUrl: string, allowHosts: readonly string[] = []): Promise<PinnedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new TargetRefused(`Not a URL: ${rawUrl}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TargetRefused("Only http and https targets are supported.");
  if (url.username || url.password) throw new TargetRefused("Credentials in the target URL are not allowed.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = await resolve(host);
  for (const { address, family } of addresses) {
    const type = family === 6 ? "ipv6" : "ipv4";
    if (ALWAYS_REFUSED.check(address, type)) throw new TargetRefused(`${host} resolves to ${address}, a link-local or unspecified address: refused.`);
    const allowed = LOOPBACK.check(address, type) || allowHosts.includes(host);
    if (!allowed) throw new TargetRefused(`${host} (${address}) is not on the load-test allowlist; only loopback and allowlisted hosts may be targeted.`);
  }
  return { origin: url.origin, host, ...addresses[0]!, addresses };
}
