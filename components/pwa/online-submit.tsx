"use client";

import type { ComponentProps } from "react";
import { useOnline } from "./use-online";

/** A submit button that is disabled, with the reason, while the device is offline. */
export function OnlineSubmit({ disabled, children, ...rest }: ComponentProps<"button">) {
  const online = useOnline();
  return (
    <>
      <button type="submit" disabled={disabled || !online} title={online ? undefined : "Needs the network"} {...rest}>
        {children}
      </button>
      {!online && (
        <span className="field-error" data-testid="offline-action-note">
          {" "}
          Offline: this action needs the network.
        </span>
      )}
    </>
  );
}
