import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { MIN_PASSWORD_LENGTH } from "./password-policy";

/**
 * NIST SP 800-63B §5.1.1.2: besides a minimum length, refuse passwords found in lists of
 * commonly used or breached passwords, dictionary words, repetitive or sequential characters
 * (aaaaaaaaaaaa, 123456789012) and words from the context (the user's name and email, the
 * service's name). zxcvbn-ts estimates how many guesses a password takes from exactly these
 * patterns, offline, with its bundled common-password and word lists.
 */
export const MIN_STRENGTH_SCORE = 3; // zxcvbn score 0-4; 3 ≈ at least 10^8 guesses
const CONTEXT_WORDS = ["vigil", "clinical", "hospital", "admin", "console"];

let zxcvbn: ZxcvbnFactory | undefined;
const estimator = () => (zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

/** Why this password is refused, or null when it is acceptable. Runs on the server only. */
export function passwordWeakness(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  const userWords = [context.email, context.email?.split("@")[0], ...(context.name?.split(/\s+/) ?? []), ...CONTEXT_WORDS].filter((w): w is string => Boolean(w));
  const result = estimator().check(password, userWords);
  if (result.score >= MIN_STRENGTH_SCORE) return null;
  const why = result.sequence.some((m) => m.pattern === "dictionary" && "dictionaryName" in m && m.dictionaryName === "userInputs") ? " (it contains your name, email or the service's name)" : "";
  return `This password is too easy to guess${why}: common passwords, words, repeats and sequences are refused. Use a longer phrase of unrelated words.`;
}
