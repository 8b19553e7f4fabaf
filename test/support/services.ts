/**
 * Decides whether a suite that needs an external service runs. Without the service the suite
 * is skipped with a printed reason, unless VIGIL_REQUIRE_ALL=1 (CI), where a skip is a failure.
 */
export function serviceGate(name: string, available: boolean, howToEnable: string): boolean {
  if (available) return true;
  const reason = `${name} not available: ${howToEnable}`;
  if (process.env.VIGIL_REQUIRE_ALL === "1") {
    throw new Error(`VIGIL_REQUIRE_ALL=1 but ${reason}`);
  }
  console.warn(`[skip] ${reason}`);
  return false;
}

export function testPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function testRedisUrl(): string | undefined {
  return process.env.REDIS_URL || undefined;
}
