import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HTTP_STATUS } from "../../lib/errors";
import { ERROR_MAPPING } from "../../clinical/src/errors";

describe("typed error codes across the console and the clinical service", () => {
  it("use one name per HTTP status", () => {
    const names = new Map<number, Set<string>>();
    const add = (code: string, status: number) => (names.get(status) ?? names.set(status, new Set()).get(status)!).add(code);
    for (const [code, status] of Object.entries(HTTP_STATUS)) add(code, status);
    for (const [code, { status }] of Object.entries(ERROR_MAPPING)) add(code, status);
    const clashes = [...names].filter(([, s]) => s.size > 1).map(([status, s]) => `${status}: ${[...s].join(" / ")}`);
    expect(clashes).toEqual([]);
  });

  it("give a shared name the same status on both sides", () => {
    for (const [code, { status }] of Object.entries(ERROR_MAPPING)) {
      if (code in HTTP_STATUS) expect(HTTP_STATUS[code as keyof typeof HTTP_STATUS], code).toBe(status);
    }
  });

  it("clinical errors.ts imports nothing from the service (fhir/* depends on it, not the reverse)", () => {
    const src = readFileSync("clinical/src/errors.ts", "utf8");
    expect(src.match(/from\s+["']\.{1,2}\/[^"']*["']/g) ?? []).toEqual([]);
  });
});
