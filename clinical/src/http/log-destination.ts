import { existsSync, renameSync, statSync } from "node:fs";
import pino, { type Logger } from "pino";
import { logOptions } from "./logging";

/**
 * A request-log file grows to this many bytes, then becomes `<file>.1` (one generation kept):
 * at ~150 bytes a line a 20k req/s load test writes ~3 MB/s, and the data folder must not fill.
 */
export const REQUEST_LOG_MAX_BYTES = 64 * 1024 * 1024;

export interface LogDestinations {
  level: string;
  /** Every line at `level` and above goes here; null: everything to the terminal (as before). */
  requestLogFile: string | null;
  /** Start-up problems, warnings and errors (default: stdout). */
  terminal?: pino.DestinationStream;
  maxBytes?: number;
}

/** Appends to `path` asynchronously (off the request path), moving it to `.1` when it is full. */
function rotatingFile(path: string, maxBytes: number): pino.DestinationStream {
  const file = pino.destination({ dest: path, sync: false, mkdir: true });
  let bytes = existsSync(path) ? statSync(path).size : 0;
  return {
    write(line: string) {
      bytes += line.length;
      // Rare (every maxBytes), so the rename may be sync.
      // Not before the file exists (it opens asynchronously): until then lines are buffered.
      if (bytes > maxBytes && existsSync(path)) {
        // Lines still queued in the async writer go to the new file: the bound is approximate.
        renameSync(path, `${path}.1`);
        file.reopen();
        bytes = line.length;
      }
      file.write(line);
    },
  };
}

/**
 * The clinical service's logger: request lines (one per request) go to a file, so a load test
 * does not flood the terminal; the terminal keeps warnings and errors (which the file also has).
 */
export function clinicalLogger(d: LogDestinations): Logger {
  const terminal = d.terminal ?? pino.destination({ dest: 1, sync: true });
  if (!d.requestLogFile) return pino(logOptions(d.level), terminal);
  const fileLevel = d.level === "silent" ? "fatal" : (d.level as pino.Level);
  return pino(
    logOptions(d.level),
    pino.multistream([
      { level: fileLevel, stream: rotatingFile(d.requestLogFile, d.maxBytes ?? REQUEST_LOG_MAX_BYTES) },
      { level: "warn", stream: terminal },
    ]),
  );
}
