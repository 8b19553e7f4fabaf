import type { Communication } from "fhir/r4";
import { z } from "zod";
import { FHIR_ID } from "./search-params";

export const COMMUNICATION_PRIORITIES = ["routine", "urgent", "asap", "stat"] as const;
export const MAX_ALERT_TEXT = 2000;

/** What an emergency alert must look like; anything else is a 400 naming the field. */
export const communicationSchema = z.object({
  resourceType: z.literal("Communication"),
  status: z.enum(["preparation", "in-progress", "completed"]),
  priority: z.enum(COMMUNICATION_PRIORITIES),
  subject: z.object({ reference: z.string().regex(/^Patient\/[A-Za-z0-9\-.]{1,64}$/) }),
  category: z.array(z.object({ text: z.string().max(200) })).max(5).optional(),
  payload: z.array(z.object({ contentString: z.string().trim().min(1).max(MAX_ALERT_TEXT) })).min(1).max(10),
});

export type CommunicationInput = z.infer<typeof communicationSchema>;

export interface CommunicationRow {
  id: string;
  patient_id: string;
  priority: (typeof COMMUNICATION_PRIORITIES)[number];
  status: "preparation" | "in-progress" | "completed";
  category: string | null;
  payload: string;
  sent_at: Date;
}

export const COMMUNICATION_COLUMNS = "id::text AS id, patient_id, priority, status, category, payload, sent_at";
export const communicationId = (id: string) => (/^c-\d{1,18}$/.test(id) && FHIR_ID.test(id) ? id.slice(2) : null);

export function toFhirCommunication(row: CommunicationRow): Communication {
  return {
    resourceType: "Communication",
    id: `c-${row.id}`,
    meta: { lastUpdated: row.sent_at.toISOString() },
    status: row.status,
    priority: row.priority,
    subject: { reference: `Patient/${row.patient_id}` },
    ...(row.category ? { category: [{ text: row.category }] } : {}),
    sent: row.sent_at.toISOString(),
    payload: JSON.parse(row.payload) as Communication["payload"],
  };
}
