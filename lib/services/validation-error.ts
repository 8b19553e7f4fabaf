import type { z } from "zod";
import { AppError } from "../errors";

/** Turns a zod failure into an INVALID_INPUT error with per-field messages for forms. */
export function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return new AppError("INVALID_INPUT", "Some fields need attention.", fields);
}

/** Every field's messages from several validations of one form (e.g. the settings and the reason), or null when all passed. */
export function invalidFields(...results: { success: boolean; error?: z.ZodError }[]): AppError | null {
  const issues = results.flatMap((r) => (r.success || !r.error ? [] : r.error.issues));
  return issues.length ? invalidInput({ issues } as z.ZodError) : null;
}
