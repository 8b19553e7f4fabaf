/// <reference lib="webworker" />
/**
 * The console's service worker (bundled by scripts/build-sw.ts, manifest injected by
 * workbox-build). Precaches hashed static chunks and the offline page; keeps the last copy of
 * the console pages that hold no personal data; never stores admin pages, API responses or
 * anything cross-origin.
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { NetworkFirst, NetworkOnly } from "workbox-strategies";
import { CacheableResponsePlugin } from "workbox-cacheable-response";
import { boundedCache } from "./bounded-cache";
import { KEEP_PAGE_MESSAGE, OFFLINE_READABLE_PATHS, PAGES_CACHE, PAGES_MAX_AGE_SECONDS, PAGES_MAX_ENTRIES, NETWORK_TIMEOUT_SECONDS, SIGNED_OUT_CACHE, SIGNED_OUT_URL } from "./policy";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

const sameOrigin = (url: URL) => url.origin === self.location.origin;
const readable = (url: URL) => OFFLINE_READABLE_PATHS.some((re) => re.test(url.pathname));

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [new CacheableResponsePlugin({ statuses: [200] }), boundedCache(PAGES_MAX_ENTRIES, PAGES_MAX_AGE_SECONDS)],
});
registerRoute(({ request, url }) => request.mode === "navigate" && sameOrigin(url) && readable(url), pages);

// Menu taps are client-side navigations: the browser fetches an RSC payload, not the page, so
// the page posts its URL here and the document is fetched and kept the same way a full load is.
// `redirect: "manual"`: a session that ended answers with a redirect, which is never stored.
self.addEventListener("message", (event) => {
  const data = event.data as { type?: unknown; url?: unknown } | null;
  if (data?.type !== KEEP_PAGE_MESSAGE || typeof data.url !== "string") return;
  const url = new URL(data.url, self.location.origin);
  if (!sameOrigin(url) || !readable(url)) return;
  const request = new Request(url.href, { credentials: "same-origin", redirect: "manual", headers: { accept: "text/html" } });
  event.waitUntil(pages.handle({ event, request }).catch(() => undefined));
});
// Every other navigation goes to the network; when that fails the catch handler answers.
registerRoute(({ request }) => request.mode === "navigate", new NetworkOnly());

setCatchHandler(async ({ request }) => {
  if (request.destination !== "document") return Response.error();
  // Signed out offline: every page reads "signed out" until the network returns.
  const signedOut = await caches.match(SIGNED_OUT_URL, { cacheName: SIGNED_OUT_CACHE });
  if (signedOut) return signedOut;
  return (await matchPrecache("/offline")) ?? Response.error();
});
