/**
 * The UI conventions of issue 13, as checks over app/ and components/: styling lives in
 * app/globals.css (inline `style={{…}}` only for values computed at run time), dates are formatted
 * only by components/ui/timestamp.tsx, and a field's error is rendered only by
 * components/ui/field-error.tsx. Run by lib/tooling/ui-conventions.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const ROOTS = ["app", "components"];

/** The one module that formats dates; `formatUtc`, `formatUtcClock` and `<Timestamp>` live there. */
export const DATE_MODULE = "components/ui/timestamp.tsx";
/** The one component that renders a form field's error. */
export const FIELD_ERROR_MODULE = "components/ui/field-error.tsx";

/** Ways a date gets formatted by hand; each line matching one, outside DATE_MODULE, is a copy. */
export const DATE_FORMATTING: RegExp[] = [
  /Intl\.DateTimeFormat/,
  /\.toLocale(Date|Time)?String\(/,
  /\.replace\("T", " "\)/,
  /toISOString\(\)\.(slice|substring|substr|replace)\(/,
  /\.slice\(11, 19\)/,
  /\.getUTC(FullYear|Month|Date|Hours|Minutes|Seconds)\(\)/,
];

const FIELD_ERROR_MARKUP = /className=["'{`][^"'}`]*\bfield-error\b/;

export type Finding = { file: string; line: number; text: string };

function sourceFiles(cwd: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(cwd, dir), { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(path);
    }
  };
  for (const r of ROOTS) walk(r);
  return out.map((f) => relative(cwd, join(cwd, f)).split("\\").join("/")).sort();
}

function scan(cwd: string, match: (line: string, file: string) => boolean): Finding[] {
  return sourceFiles(cwd).flatMap((file) =>
    readFileSync(join(cwd, file), "utf8").split("\n").flatMap((text, i) => (match(text, file) ? [{ file, line: i + 1, text: text.trim() }] : [])),
  );
}

/** Inline style objects per file (`style={{` in .tsx). */
export function inlineStyles(cwd = process.cwd()): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of scan(cwd, (line, file) => file.endsWith(".tsx") && line.includes("style={{"))) {
    counts.set(f.file, (counts.get(f.file) ?? 0) + (f.text.match(/style=\{\{/g)?.length ?? 0));
  }
  return counts;
}

/** Lines formatting a date outside DATE_MODULE. */
export function dateFormatting(cwd = process.cwd()): Finding[] {
  return scan(cwd, (line, file) => file !== DATE_MODULE && DATE_FORMATTING.some((re) => re.test(line)));
}

/** Lines rendering `field-error` markup by hand outside FIELD_ERROR_MODULE. */
export function handMadeFieldErrors(cwd = process.cwd()): Finding[] {
  return scan(cwd, (line, file) => file !== FIELD_ERROR_MODULE && FIELD_ERROR_MARKUP.test(line));
}
