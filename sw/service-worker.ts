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
import { ExpirationPlugin } from "workbox-expiration";
import { CacheableResponsePlugin } from "workbox-cacheable-response";
import { OFFLINE_READABLE_PATHS, PAGES_CACHE, NETWORK_TIMEOUT_SECONDS } from "./policy";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

const sameOrigin = (url: URL) => url.origin === self.location.origin;
const readable = (url: URL) => OFFLINE_READABLE_PATHS.some((re) => re.test(url.pathname));

registerRoute(
  ({ request, url }) => request.mode === "navigate" && sameOrigin(url) && readable(url),
  new NetworkFirst({
    cacheName: PAGES_CACHE,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 7 * 24 * 3600 })],
  }),
);
// Every other navigation goes to the network; when that fails the catch handler answers.
registerRoute(({ request }) => request.mode === "navigate", new NetworkOnly());

setCatchHandler(async ({ request }) => {
  if (request.destination === "document") return (await matchPrecache("/offline")) ?? Response.error();
  return Response.error();
});
