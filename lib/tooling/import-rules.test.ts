import { describe, expect, it } from "vitest";
import { checkImports } from "./import-rules";

describe("import rules (npm run check:imports)", () => {
  it("no module or folder cycles, no component importing app/, pure engines", () => {
    const { problems, modules } = checkImports();
    expect(modules).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  }, 180_000);
});
