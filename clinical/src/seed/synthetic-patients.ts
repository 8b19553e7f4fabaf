import { mulberry32, pick } from "./prng";

// Invented word-stems, suffixed so no row can be mistaken for a real person.
const FAMILY = ["Ashford", "Brightwater", "Coldridge", "Dunmore", "Everly", "Fairholm", "Greystone", "Hollins", "Ivesdale", "Kestrel"];
const GIVEN = ["Alex", "Bailey", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Morgan", "Rowan"];
const GENDERS = ["female", "male", "female", "male", "other", "unknown"] as const;

export interface SyntheticPatient {
  id: string;
  mrn: string;
  family: string;
  given: string;
  gender: (typeof GENDERS)[number];
  birthDate: string;
}

export const patientId = (n: number) => `p-${String(n).padStart(6, "0")}`;

/** Deterministic for (seed, n): the same seed always produces the same patients. */
export function* syntheticPatients(count: number, seed: number): Generator<SyntheticPatient> {
  const rand = mulberry32(seed);
  for (let n = 1; n <= count; n++) {
    const birth = new Date(Date.UTC(1930, 0, 1) + Math.floor(rand() * 90 * 365.25) * 86_400_000);
    yield {
      id: patientId(n),
      mrn: `SYN-${String(n).padStart(7, "0")}`,
      family: `${pick(rand, FAMILY)}-Synthetic`,
      given: pick(rand, GIVEN),
      gender: pick(rand, GENDERS),
      birthDate: birth.toISOString().slice(0, 10),
    };
  }
}
