"use client";

import { useEffect, useState } from "react";
import type { BuildProgress as Row } from "@/core/engines/index-advisor/build-progress";
import type { IndexActions } from "./database-actions";

const POLL_MS = 1000;

/** Index builds running now on the clinical database (pg_stat_progress_create_index), every second. */
export function BuildProgress({ read }: { read: IndexActions["buildProgress"] }) {
  const [state, setState] = useState<{ builds: Row[]; live: boolean } | null>(null);
  useEffect(() => {
    let stop = false;
    const tick = async () => {
      const r = await read().catch(() => null);
      if (!stop && r?.ok) setState(r.data);
    };
    void tick();
    const t = setInterval(tick, POLL_MS);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, [read]);
  if (!state) return null;
  if (state.builds.length === 0) {
    return (
      <p className="muted" data-testid="build-progress">
        No index build is running.{!state.live && " Embedded PGlite builds with plain CREATE INDEX on its one connection: it reports which index is building, without progress counters."}
      </p>
    );
  }
  return (
    <ul data-testid="build-progress">
      {state.builds.map((b) => (
        <li key={b.pid}>
          {b.index ?? "index"} on {b.table ?? "?"}: {b.phase}{b.fraction !== null && <> — <progress value={b.fraction} max={1} /> {(b.fraction * 100).toFixed(0)}%</>}
        </li>
      ))}
    </ul>
  );
}
