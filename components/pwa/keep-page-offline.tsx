"use client";

import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { KEEP_PAGE_MESSAGE } from "@/sw/policy";

/**
 * After a client-side navigation (a menu tap), asks the service worker to keep this page's
 * document, as it does for full page loads; the worker decides whether the page may be kept.
 * Skipped for the first render when a worker already controlled that full load (it kept it).
 */
export function KeepPageOffline() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const controlledLoad = first.current && navigator.serviceWorker.controller !== null;
    first.current = false;
    if (controlledLoad) return;
    void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage({ type: KEEP_PAGE_MESSAGE, url: window.location.href }));
  }, [pathname]);
  return null;
}
