// @ts-check
// The prerendered /offline and /signed-out pages cannot carry a per-request nonce; every other page
// gets proxy.ts's nonce policy. lib/http/content-security-policy.ts (STATIC_PAGE_CSP) says why; kept
// equal by its test.
const STATIC_PAGE_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native-ish packages and a process-wide registry: loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "prom-client", "ioredis", "libpg-query", "@bsull/augurs"],
  // The build checks the console's own code; `npm run typecheck` checks the whole repository.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  async headers() {
    return [
      // Sign-out lands here: drop every cache and storage area this origin holds on the device.
      { source: "/signed-out", headers: [{ key: "Clear-Site-Data", value: '"cache", "storage"' }, { key: "Cache-Control", value: "no-store" }, { key: "Content-Security-Policy", value: STATIC_PAGE_CSP }] },
      { source: "/offline", headers: [{ key: "Content-Security-Policy", value: STATIC_PAGE_CSP }] },
      // The service worker must be revalidated on every load, or an old one lingers.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }, { key: "Service-Worker-Allowed", value: "/" }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          // lib/http/security-headers.ts (PERMISSIONS_POLICY) says why; kept equal by its test.
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
        ],
      },
    ];
  },
};

export default config;
