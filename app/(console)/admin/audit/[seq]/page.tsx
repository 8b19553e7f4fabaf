import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/services/auth/dal";
import { AppError } from "@/lib/errors";
import { getAuditEvent } from "@/lib/services/audit/get-audit-event";
import { AuditEventDetailView } from "@/components/audit/audit-event-detail";

export const metadata: Metadata = { title: "Audit event" };

/** One audit event's permalink; authorized like the Audit page (a refusal is audited by the service). */
export default async function AuditEventPage({ params }: { params: Promise<{ seq: string }> }) {
  const actor = await requireActor();
  const { seq } = await params;
  let event;
  try {
    event = await getAuditEvent(actor, { seq });
  } catch (err) {
    if (err instanceof AppError && err.code === "FORBIDDEN") forbidden();
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) notFound();
    throw err;
  }
  return (
    <>
      <p>
        <Link href="/admin/audit" data-testid="audit-back">← Audit trail</Link>
      </p>
      <h1>Audit event #{event.seq}</h1>
      <AuditEventDetailView event={event} />
    </>
  );
}
