import { BlockList, isIP } from "node:net";

/**
 * The console's HTTP server (scripts/serve-console.ts) drops any client-sent copy of this
 * header and sets it from `clientAddress`, so it cannot be spoofed.
 */
export const CLIENT_IP_HEADER = "x-vigil-client-ip";

export function clientIpFrom(headers: Pick<Headers, "get">): string | null {
  return headers.get(CLIENT_IP_HEADER) || null;
}

/** Trusted proxy addresses and CIDR ranges (VIGIL_TRUST_PROXY), e.g. "127.0.0.1, 10.0.0.0/8". */
export function trustedProxies(entries: string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const [addr, bits] = raw.split("/");
    const family = isIP(addr ?? "") === 6 ? "ipv6" : "ipv4";
    if (!isIP(addr ?? "")) throw new Error(`VIGIL_TRUST_PROXY: "${raw}" is not an IP address or CIDR range`);
    if (bits === undefined) list.addAddress(addr!, family);
    else list.addSubnet(addr!, Number(bits), family);
  }
  return list;
}

const plain = (a: string) => (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4 ? a.slice(7) : a);
const trusted = (list: BlockList, a: string) => isIP(a) !== 0 && list.check(a, isIP(a) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy. Entries left of it were
 * written by the client and prove nothing, so one client cannot pose as another.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, proxies: BlockList): string {
  let current = plain(socketAddress ?? "");
  if (!trusted(proxies, current)) return current;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "").split(",").map((h) => plain(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return current; // a malformed hop: stop at the last address we can vouch for
    current = hop;
    if (!trusted(proxies, hop)) return hop;
  }
  return current;
}
