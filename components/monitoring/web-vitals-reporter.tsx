"use client";

import { useEffect } from "react";
import { onCLS, onINP, onLCP, onTTFB, type Metric } from "web-vitals";

/** Sends each Core Web Vital once it is final; the server maps the path to its route template. */
export function WebVitalsReporter() {
  useEffect(() => {
    const send = (m: Metric) => {
      const body = JSON.stringify({ name: m.name, value: m.value, path: location.pathname });
      if (!navigator.sendBeacon?.("/api/vitals", body)) {
        void fetch("/api/vitals", { method: "POST", body, keepalive: true, headers: { "content-type": "application/json" } });
      }
    };
    onLCP(send);
    onINP(send);
    onCLS(send);
    onTTFB(send);
  }, []);
  return null;
}
