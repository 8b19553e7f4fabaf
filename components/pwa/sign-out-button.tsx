"use client";

import { useOnline } from "./use-online";
import { clearDeviceData } from "./clear-device-data";
import { signOutOffline } from "./sign-out-offline";

/**
 * Clears this device's stored copies, then signs out: online through the form, offline by
 * remembering to revoke the session when the network returns (a shared tablet must be able to
 * clear itself without a network).
 */
export function SignOutButton() {
  const online = useOnline();
  return (
    <button
      type="submit"
      className="secondary sign-out"
      title={online ? undefined : "Offline: clears this device now; the session ends on the server when the network returns"}
      data-testid="sign-out"
      onClick={async (e) => {
        const form = e.currentTarget.form;
        e.preventDefault();
        await clearDeviceData();
        if (navigator.onLine) form?.requestSubmit();
        else await signOutOffline();
      }}
    >
      Sign out
    </button>
  );
}
