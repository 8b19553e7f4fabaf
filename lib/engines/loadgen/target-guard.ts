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

export interface PinnedTarget {
  origin: string;
  host: string;
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the target's host once and returns the address every connection will use (pinned,
 * so DNS cannot change it mid-run). Loopback passes; other hosts must be named in `allowHosts`;
 * link-local and metadata addresses never pass.
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
  const { address, family } = isIP(host) ? { address: host, family: isIP(host) } : await lookup(host, { verbatim: true });
  const type = family === 6 ? "ipv6" : "ipv4";
  if (ALWAYS_REFUSED.check(address, type)) throw new TargetRefused(`${host} resolves to ${address}, a link-local or unspecified address: refused.`);
  const allowed = LOOPBACK.check(address, type) || allowHosts.includes(host);
  if (!allowed) throw new TargetRefused(`${host} (${address}) is not on the load-test allowlist; only loopback and allowlisted hosts may be targeted.`);
  return { origin: url.origin, host, address, family: family as 4 | 6 };
}
