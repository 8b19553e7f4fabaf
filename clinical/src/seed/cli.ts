/** `npm run seed -- --patients N [--seed S]`: seeds an empty clinical database. */
import { parseArgs } from "node:util";
import { z } from "zod";
import { clinicalEnv } from "../env";
import { migrateClinicalDb, openClinicalDb } from "../db/query";
import { seedPatients } from "./seed-patients";

const argsSchema = z.object({
  patients: z.coerce.number().int().min(1).max(10_000_000),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1),
});

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { patients: { type: "string" }, seed: { type: "string" } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`usage: npm run seed -- --patients N [--seed S]\n${parsed.error.issues.map((i) => `  --${i.path.join(".")}: ${i.message}`).join("\n")}`);
    return 2;
  }
  const env = clinicalEnv();
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR });
  try {
    await migrateClinicalDb(db);
    const started = performance.now();
    const { inserted } = await seedPatients(db, parsed.data.patients, parsed.data.seed);
    console.log(inserted ? `seeded ${inserted} synthetic patients in ${((performance.now() - started) / 1000).toFixed(1)} s` : "patients already present; nothing seeded");
    return 0;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
