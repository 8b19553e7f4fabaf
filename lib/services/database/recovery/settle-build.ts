import "server-only";
import { dropIndex, indexState } from "@/core/engines/index-advisor/build-index";
import { clinicalDatabaseTarget, withClinicalSession } from "../clinical-database";

/**
 * valid: the build finished before the console stopped; invalid-dropped: an interrupted
 * CONCURRENTLY build's leftover was removed; absent: nothing was left; unchecked: the embedded
 * database builds inside the clinical service, which the console's restart does not interrupt,
 * or PostgreSQL did not answer.
 */
export type InterruptedBuildOutcome = "valid" | "invalid-dropped" | "absent" | "unchecked";

export async function settleInterruptedBuild(schema: string, name: string): Promise<InterruptedBuildOutcome> {
  if (clinicalDatabaseTarget().kind !== "postgres") return "unchecked";
  try {
    return await withClinicalSession(async (sql) => {
      const state = await indexState(sql, schema, name);
      if (!state) return "absent";
      if (state.valid) return "valid";
      await dropIndex(sql, schema, name, { concurrently: true });
      return "invalid-dropped";
    });
  } catch {
    return "unchecked";
  }
}
