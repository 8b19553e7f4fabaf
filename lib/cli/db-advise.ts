import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { openSqlClient } from "@/core/db/sql-client";
import { adviceJson } from "@/core/engines/index-advisor/advice-json";
import { adviseIndexes } from "@/core/engines/index-advisor/advise";
import { MissingExtensionError } from "@/core/engines/index-advisor/extensions";
import { formatAdvice } from "@/core/engines/index-advisor/format-advice";
import { adviseArgsSchema } from "../validations/database";

export const ADVISE_EXIT = { none: 0, suggestions: 1, badInput: 2 } as const;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = "usage: npm run db:advise -- --url postgres://… [--min-calls N] [--json out.json]";

/**
 * `db:advise`: ranked index suggestions for a PostgreSQL database from its own workload.
 * Exit 0: nothing to suggest; 1: suggestions printed; 2: bad input, unreachable database or
 * a missing extension (the commands that enable it are printed).
 */
export async function runDbAdvise(argv: string[], io: Io): Promise<number> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { url: { type: "string" }, "min-calls": { type: "string" }, json: { type: "string" } } }));
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return ADVISE_EXIT.badInput;
  }
  const parsed = adviseArgsSchema.safeParse(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    io.err(`${parsed.error.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`).join("\n")}\n${USAGE}`);
    return ADVISE_EXIT.badInput;
  }
  const args = parsed.data;
  let db;
  try {
    db = await openSqlClient({ url: args.url, dataDir: "" });
  } catch (err) {
    io.err(`cannot connect: ${(err as Error).message}`);
    return ADVISE_EXIT.badInput;
  }
  try {
    const advice = await adviseIndexes(db, { method: "hypopg", minCalls: args["min-calls"] });
    io.out(formatAdvice(advice));
    if (args.json) writeFileSync(args.json, `${JSON.stringify(adviceJson(advice), null, 2)}\n`);
    return advice.suggestions.length ? ADVISE_EXIT.suggestions : ADVISE_EXIT.none;
  } catch (err) {
    if (!(err instanceof MissingExtensionError)) throw err;
    io.err(`${err.message}. To enable it:\n${err.fix.map((c) => `  ${c}`).join("\n")}`);
    return ADVISE_EXIT.badInput;
  } finally {
    await db.close();
  }
}
