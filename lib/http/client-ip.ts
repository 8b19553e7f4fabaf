/**
 * The console's HTTP server (scripts/serve-console.ts) drops any client-sent copy of this
 * header and sets it from the socket, so it cannot be spoofed.
 */
export const CLIENT_IP_HEADER = "x-vigil-client-ip";

export function clientIpFrom(headers: Pick<Headers, "get">): string | null {
  return headers.get(CLIENT_IP_HEADER) || null;
}
