/**
 * Response headers every console page carries beyond next.config.mjs's static ones, with why:
 * - Permissions-Policy: the console uses no camera, microphone, geolocation, payment or USB;
 *   denying them means injected code cannot ask a clinician's tablet for them either.
 * - Strict-Transport-Security (only when the console is served over https, VIGIL_PUBLIC_URL):
 *   one year, subdomains included, so a tablet never falls back to plain http on a ward network.
 *   Never sent over plain http, where browsers ignore it and a local install would be locked out.
 */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
export const HSTS_MAX_AGE_S = 365 * 24 * 3600;

export const isHttps = (publicUrl: string | undefined): boolean => Boolean(publicUrl?.startsWith("https://"));

export function securityHeaders(publicUrl: string | undefined): Record<string, string> {
  return {
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(isHttps(publicUrl) ? { "Strict-Transport-Security": `max-age=${HSTS_MAX_AGE_S}; includeSubDomains` } : {}),
  };
}
