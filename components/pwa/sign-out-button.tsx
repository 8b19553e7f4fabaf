"use client";

import { useOnline } from "./use-online";
import { clearDeviceData } from "./clear-device-data";

/** Clears this device's stored copies, then lets the sign-out form submit. */
export function SignOutButton() {
  const online = useOnline();
  return (
    <button
      type="submit"
      className="secondary sign-out"
      disabled={!online}
      title={online ? undefined : "Needs the network"}
      data-testid="sign-out"
      onClick={async (e) => {
        const form = e.currentTarget.form;
        e.preventDefault();
        await clearDeviceData();
        form?.requestSubmit();
      }}
    >
      Sign out
    </button>
  );
}
