import { FieldError } from "./field-error";

/**
 * "Why": asked on every change form (at least 8 characters, kept in the audit event). Not
 * `required` in HTML, so an empty submit reaches the server and is refused with this field named.
 */
export function ReasonField({ error, testId }: { error?: string | string[] | null; testId: string }) {
  return (
    <label className="reason-field">
      Reason for this change (kept in the audit trail)
      <input name="reason" type="text" maxLength={500} placeholder="e.g. vitals p95 over target during morning rounds" data-testid={testId} />
      <FieldError message={error} testId={`${testId}-error`} />
    </label>
  );
}
