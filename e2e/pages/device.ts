import type { Page } from "@playwright/test";

/** Waits until a service worker controls the page (installed, activated and claimed). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }));
    }
    return reg.active?.state;
  });
}

export interface CacheEntry {
  cache: string;
  url: string;
  body: string;
}

/** Every response in Cache Storage, with the text of HTML ones (to search them for data). */
export function cacheContents(page: Page): Promise<CacheEntry[]> {
  return page.evaluate(async () => {
    const out: { cache: string; url: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        const type = res?.headers.get("content-type") ?? "";
        out.push({ cache: name, url: req.url, body: type.includes("html") ? ((await res?.text()) ?? "") : "" });
      }
    }
    return out;
  });
}
