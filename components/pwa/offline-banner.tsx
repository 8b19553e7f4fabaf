"use client";

import { Timestamp } from "@/components/ui/timestamp";
import { useOnline } from "./use-online";

/** Shown while the device is offline: what is on screen is a saved copy, and from when. */
export function OfflineBanner({ renderedAt }: { renderedAt: string }) {
  const online = useOnline();
  if (online) return null;
  return (
    <div role="status" className="offline-banner" data-testid="offline-banner">
      Offline — showing the copy saved <Timestamp at={renderedAt} />.
      Actions that change anything are disabled until the network returns; what you type is kept.
    </div>
  );
}
