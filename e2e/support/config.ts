/** Fixed settings shared by playwright.config.ts, the e2e servers and the specs. */
export const E2E = {
  main: { port: 3210, name: "main" },
  // A second console whose idle timeout is 3 s, so expiry is observed without waiting 15 minutes.
  idle: { port: 3211, name: "idle", idleMinutes: 0.05 },
  clinicalPort: 4210,
  // Test-only values shared by the e2e consoles and clinical service (cache control, Redis encryption).
  clinicalAdminSecret: "e2e-only-clinical-admin-secret-0123456789",
  cacheKey: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
  // The console's API client on the e2e clinical service (registered by serve-clinical.ts), and the
  // key its tokens are signed with, so both servers and the specs agree without a manual step.
  clinicalClient: { id: "e2e-console-client", secret: "e2e-only-clinical-client-secret-0123456789" },
  clinicalTokenKey: "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100",
  adminEmail: "admin@vigil.local",
  adminPassword: "e2e-only-admin-password",
  users: {
    ops: { email: "ops@e2e.local", password: "e2e-ops-password-1" },
    compliance: { email: "compliance@e2e.local", password: "e2e-compliance-password-1" },
  },
} as const;

/** Each e2e console gets its own fresh database: PostgreSQL when configured, else PGlite. */
export function e2eDatabaseUrl(name: string): string | undefined {
  const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!base) return undefined;
  const url = new URL(base);
  url.pathname = `/vigil_e2e_${name}`;
  return url.toString();
}

export function e2eDataDir(name: string): string {
  return `.vigil/e2e-${name}`;
}
