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
