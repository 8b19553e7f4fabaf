/**
 * A tablet signed out while offline cannot reach the server, so it leaves this marker cookie:
 * it holds no personal data (the value is always "1"; the session itself is the httpOnly
 * Auth.js cookie already on the device). The next request that reaches the console is sent to
 * /signed-out, which revokes the session (POST /api/auth/revoke-pending) and drops the marker.
 */
export const PENDING_SIGN_OUT_COOKIE = "vigil-signout-pending";
export const PENDING_SIGN_OUT_VALUE = "1";
/** How long the device remembers to revoke: longer than any session can live (30-day cap). */
export const PENDING_SIGN_OUT_MAX_AGE_S = 31 * 24 * 3600;
export const REVOKE_PENDING_PATH = "/api/auth/revoke-pending";
