import { z } from "zod";

/**
 * Why a person changed something, kept in the audit event (HIPAA §164.312(b) review reads it
 * months later): a sentence, not a keystroke. Every change form asks for it; refused without.
 */
export const reasonSchema = z.string("say why").trim().min(8, "say why in a sentence (at least 8 characters)").max(500, "at most 500 characters");

/** The `reason` field of a form or call, validated on its own (its error is reported on the `reason` field). */
export const withReasonSchema = z.object({ reason: reasonSchema });
