import type { Progress } from "./load-hospital";

const WIDTH = 30;

/** A one-line progress bar on stderr (redrawn in place on a terminal, one line per 10% otherwise). */
export function progressBar(started = performance.now()) {
  let lastDecile = -1;
  return (p: Progress) => {
    const ratio = p.patientsDone / p.patientsTotal;
    const filled = Math.round(ratio * WIDTH);
    const secs = (performance.now() - started) / 1000;
    const line = `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ` +
      `${p.patientsDone}/${p.patientsTotal} patients, ${p.rows.encounters} encounters, ${p.rows.observations} observations, ${secs.toFixed(1)} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${ratio >= 1 ? "\n" : ""}`);
    else if (Math.floor(ratio * 10) > lastDecile) {
      lastDecile = Math.floor(ratio * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}
