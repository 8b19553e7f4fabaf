import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dateFormatting, handMadeFieldErrors, inlineStyles, type Finding } from "./ui-conventions";

type Allowed = Record<string, { max: number; reason: string }>;


/** Inline style objects that stay: a value computed at run time, or a file not converted yet. */
const INLINE_STYLES: Allowed = {
  "components/charts/query-share-chart.tsx": { max: 1, reason: "height grows with the number of bars" },
  "components/load-tests/run-list.tsx": { max: 2, reason: "virtualized: total height and each row's offset come from the virtualizer" },
  "components/admin/audit-columns.tsx": { max: 2, reason: "the header uses the grid template, width and height the virtualized rows share (TS constants the virtualizer sizes by)" },
  "components/admin/audit-list.tsx": { max: 1, reason: "virtualized: the rows' total height comes from the virtualizer" },
  "components/admin/audit-row.tsx": { max: 1, reason: "virtualized: each row's offset comes from the virtualizer, its grid from the shared TS constants" },
};

/** Lines that format by hand what components/ui/timestamp.tsx formats (or look like it). */
const DATE_FORMATTING: Allowed = {
  "components/database/format.ts": { max: 1, reason: "toLocaleString on a count (digit grouping), not a date" },
  "components/monitoring/series-rows.ts": { max: 1, reason: "toLocaleString on a measured figure (digit grouping), not a date" },
};

/** `field-error` markup written by hand instead of <FieldError>. */
const FIELD_ERRORS: Allowed = {
  "components/database/optimize-steps.tsx": { max: 1, reason: "a failed step's message in the same small red text, not a form field's error" },
  "components/pwa/online-submit.tsx": { max: 1, reason: "the offline note beside a submit button, not a form field's error" },
};

const perFile = (findings: Finding[]) => {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.file, (counts.get(f.file) ?? 0) + 1);
  return counts;
};

/** Each file over its allowance, with the lines to look at. */
function overAllowance(counts: Map<string, number>, allowed: Allowed, findings: Finding[] = []): string[] {
  return [...counts]
    .filter(([file, n]) => n > (allowed[file]?.max ?? 0))
    .map(([file, n]) => `${file}: ${n} (allowed ${allowed[file]?.max ?? 0}) ${findings.filter((f) => f.file === file).map((f) => `\n  ${f.line}: ${f.text.slice(0, 120)}`).join("")}`);
}

describe("UI conventions (issue 13)", () => {
  it("styles live in app/globals.css: inline style objects only where the value is computed", () => {
    expect(overAllowance(inlineStyles(), INLINE_STYLES)).toEqual([]);
  });

  it("dates are formatted only by components/ui/timestamp.tsx", () => {
    const found = dateFormatting();
    expect(overAllowance(perFile(found), DATE_FORMATTING, found)).toEqual([]);
  });

  it("a field's error is rendered only by <FieldError>", () => {
    const found = handMadeFieldErrors();
    expect(overAllowance(perFile(found), FIELD_ERRORS, found)).toEqual([]);
  });

  it("every allowance says why", () => {
    for (const list of [INLINE_STYLES, DATE_FORMATTING, FIELD_ERRORS]) {
      for (const [file, { reason }] of Object.entries(list)) expect(reason.length, file).toBeGreaterThan(10);
    }
  });

  it("the checks find each thing they look for (fixture)", () => {
    // A guard against a scanner that silently matches nothing: a wrong root or a broken pattern.
    const dir = mkdtempSync(join(tmpdir(), "ui-conventions-"));
    try {
      mkdirSync(join(dir, "app"));
      mkdirSync(join(dir, "components/ui"), { recursive: true });
      writeFileSync(join(dir, "app/page.tsx"), [
        `export const A = () => <div style={{ marginTop: 0 }}><p style={{ margin: 0 }} /></div>;`,
        `export const B = ({ at }: { at: string }) => <time>{at.replace("T", " ").slice(0, 19)} UTC</time>;`,
        `export const C = (d: Date) => d.toLocaleString("en-GB") + new Intl.DateTimeFormat("en").format(d) + d.toISOString().slice(0, 10);`,
        `export const D = ({ e }: { e: string }) => <span className="field-error">{e}</span>;`,
      ].join("\n"));
      writeFileSync(join(dir, "components/ui/timestamp.tsx"), `export const f = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");`);
      writeFileSync(join(dir, "components/ui/field-error.tsx"), `export const E = () => <span className="field-error" />;`);
      expect(inlineStyles(dir)).toEqual(new Map([["app/page.tsx", 2]]));
      expect(dateFormatting(dir).map((f) => f.line)).toEqual([2, 3]);
      expect(handMadeFieldErrors(dir).map((f) => `${f.file}:${f.line}`)).toEqual(["app/page.tsx:4"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
