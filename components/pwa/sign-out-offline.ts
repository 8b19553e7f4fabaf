import { PENDING_SIGN_OUT_COOKIE, PENDING_SIGN_OUT_MAX_AGE_S, PENDING_SIGN_OUT_VALUE } from "@/lib/auth/pending-sign-out";
import { SIGNED_OUT_CACHE, SIGNED_OUT_URL } from "@/sw/policy";

/** A static page, no personal data: shown for every page until the network returns, then reloads. */
const SIGNED_OUT_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Signed out</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<main data-testid="signed-out"><h1>Signed out</h1>
<p>This device's saved pages and stored data have been removed.</p>
<p data-testid="revocation-pending">You signed out without a network: the session will be ended on the server as soon as the network returns.</p></main>
<script>addEventListener("online",function(){location.replace(${JSON.stringify(SIGNED_OUT_URL)})});</script>
</body></html>`;

/**
 * Offline sign-out, after clearDeviceData(): remembers (a marker cookie holding only "1") to
 * revoke the server session when online, keeps the static signed-out page for the service
 * worker, and leaves the console with a full navigation so nothing stays in memory.
 */
export async function signOutOffline(): Promise<void> {
  document.cookie = `${PENDING_SIGN_OUT_COOKIE}=${PENDING_SIGN_OUT_VALUE}; Path=/; Max-Age=${PENDING_SIGN_OUT_MAX_AGE_S}; SameSite=Strict`;
  if ("caches" in window) {
    await (await caches.open(SIGNED_OUT_CACHE)).put(SIGNED_OUT_URL, new Response(SIGNED_OUT_HTML, { headers: { "content-type": "text/html; charset=utf-8" } }));
  }
  window.location.replace(SIGNED_OUT_URL);
}
