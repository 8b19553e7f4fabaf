/** `npm run seed -- --patients N [--seed S] [--anchor ISO]`: seeds an empty clinical database. */
import { parseArgs } from "node:util";
import { z } from "zod";
import { clinicalEnv } from "../env";
import { migrateClinicalDb, openClinicalDb } from "../db/query";
import { loadHospital } from "./load-hospital";
import { progressBar } from "./progress-bar";

const argsSchema = z.object({
  patients: z.string("is required").pipe(z.coerce.number<string>().int().min(1).max(1_000_000)),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
  anchor: z.iso.datetime().optional(),
});

async function main(): Promise<number> {
  const usage = "usage: npm run seed -- --patients N [--seed S] [--anchor 2026-11-26T08:00:00Z]";
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ options: { patients: { type: "string" }, seed: { type: "string" }, anchor: { type: "string" } } }));
  } catch (err) {
    console.error(`${usage}\n  ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `  --${i.path.join(".")}: ${i.message}`).join("\n");
    console.error(`${usage}\n${why}`);
    return 2;
  }
  const { patients, seed, anchor } = parsed.data;
  const env = clinicalEnv();
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR });
  try {
    await migrateClinicalDb(db);
    const started = performance.now();
    const result = await loadHospital(db, { patients, seed, anchor: anchor ? new Date(anchor) : new Date() }, progressBar(started));
    if ("skipped" in result) {
      console.log("patients already present; nothing seeded (seed an empty database)");
      return 0;
    }
    const { inserted } = result;
    console.log(`seeded ${inserted.patients} synthetic patients, ${inserted.encounters} encounters, ${inserted.observations} observations ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s (${db.kind})`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
