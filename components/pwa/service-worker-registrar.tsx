"use client";

import { useEffect } from "react";

/** Registers /sw.js (built by scripts/build-sw.ts) in production builds only. */
export function ServiceWorkerRegistrar() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No service worker means no offline copies; the console itself still works.
    });
  }, []);
  return null;
}
