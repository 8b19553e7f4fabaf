"use client";

import { useEffect, useState } from "react";
import { PENDING_SIGN_OUT_COOKIE, REVOKE_PENDING_PATH } from "@/lib/auth/pending-sign-out";

type State = "none" | "waiting" | "revoked" | "failed";

const pending = () => document.cookie.split("; ").some((c) => c.startsWith(`${PENDING_SIGN_OUT_COOKIE}=`));

/** On /signed-out: finishes an offline sign-out by ending the server session once online. */
export function PendingRevocation() {
  const [state, setState] = useState<State>("none");
  useEffect(() => {
    let busy = false;
    const attempt = async () => {
      if (!pending() || busy) return;
      if (!navigator.onLine) return setState("waiting");
      busy = true;
      try {
        const res = await fetch(REVOKE_PENDING_PATH, { method: "POST", credentials: "same-origin", cache: "no-store" });
        setState(res.ok ? "revoked" : "failed");
      } catch {
        setState("waiting");
      } finally {
        busy = false;
      }
    };
    void attempt();
    window.addEventListener("online", attempt);
    return () => window.removeEventListener("online", attempt);
  }, []);
  if (state === "none") return null;
  return (
    <p data-testid="revocation-status" data-state={state}>
      {state === "waiting" && "You signed out offline: the session will be ended on the server when the network returns."}
      {state === "revoked" && "The session you signed out of offline has now been ended on the server."}
      {state === "failed" && "Could not end the earlier session on the server; it ends on its own when it expires."}
    </p>
  );
}
