/** Display formats for the Database page; every input is a measured number. */
export const fmtCount = (n: number) => Math.round(n).toLocaleString("en-GB");

export const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);

export const fmtPct = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);

const UNITS = ["B", "kB", "MB", "GB", "TB"];
export function fmtBytes(bytes: number): string {
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${UNITS[i]}`;
}
