import { describe, expect, it } from "vitest";
import { adviseIndexes } from "../../lib/services/database/advise-indexes";
import { indexBuildProgress } from "../../lib/services/database/index-build-progress";
import { latestAdvice } from "../../lib/services/database/latest-advice";
import { makeActor } from "../support/actors";
import { useFreshConsoleDb } from "../support/console-db";

describe("index services with the embedded clinical database (no CLINICAL_DATABASE_URL)", () => {
  useFreshConsoleDb("pglite");

  it("says what does not work there instead of opening the service's PGlite folder", async () => {
    delete process.env.CLINICAL_DATABASE_URL;
    const admin = await makeActor("admin");
    await expect(adviseIndexes(admin, {})).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("set CLINICAL_DATABASE_URL") });
    expect(await indexBuildProgress(admin)).toEqual({ database: "embedded PGlite (owned by the clinical service)", builds: [], live: false });
    expect(await latestAdvice(admin)).toBeNull();
    await expect(adviseIndexes(await makeActor("compliance"), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
