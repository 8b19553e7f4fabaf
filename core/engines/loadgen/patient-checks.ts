/**
 * The references a FHIR response makes to patients: a Patient's own id, a resource's subject,
 * every entry's subject in a Bundle. Used to prove the right patient came back.
 */
export function patientIdsIn(resource: unknown): string[] {
  const r = resource as { resourceType?: string; id?: string; subject?: { reference?: string }; entry?: { resource?: unknown }[] };
  if (!r || typeof r !== "object") return [];
  if (r.resourceType === "Patient") return r.id ? [r.id] : [];
  if (r.resourceType === "Bundle") return (r.entry ?? []).flatMap((e) => patientIdsIn(e.resource));
  const ref = r.subject?.reference;
  return ref?.startsWith("Patient/") ? [ref.slice(8)] : [];
}

/** Null when every patient reference is the expected one; otherwise what came back instead. */
export function wrongPatient(resource: unknown, expected: string): string | null {
  const other = patientIdsIn(resource).find((id) => id !== expected);
  return other ?? null;
}
