import { describe, expect, it } from "vitest";
import { folderCycles } from "./folder-cycles";

describe("folderCycles", () => {
  it("finds two sibling folders that import each other, naming the edges", () => {
    const cycles = folderCycles([
      { from: "lib/auth/dal.ts", to: "lib/services/auth/validate-session.ts" },
      { from: "lib/services/auth/sign-in.ts", to: "lib/auth/roles.ts" },
    ]);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.folders).toEqual(["lib/auth", "lib/services/auth"]);
    expect(cycles[0]?.via).toHaveLength(2);
  });

  it("finds a loop through three folders", () => {
    const cycles = folderCycles([
      { from: "a/x.ts", to: "b/y.ts" },
      { from: "b/y.ts", to: "c/z.ts" },
      { from: "c/z.ts", to: "a/w.ts" },
    ]);
    expect(cycles.map((c) => c.folders)).toEqual([["a", "b", "c"]]);
  });

  it("does not count a parent and its child folder, nor a one-way dependency", () => {
    expect(
      folderCycles([
        { from: "clinical/src/app.ts", to: "clinical/src/routes/patient.ts" },
        { from: "clinical/src/routes/patient.ts", to: "clinical/src/errors.ts" },
        { from: "app/(console)/caching/page.tsx", to: "components/caching/policy-form.tsx" },
      ]),
    ).toEqual([]);
  });
});
