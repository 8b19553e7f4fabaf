import { FieldError } from "@/components/ui/field-error";
import { MAX_REPORT_DAYS } from "@/lib/validations/period-report";

/** A plain GET form: the period lives in the URL, so a report can be bookmarked or shared. */
export function PeriodForm({ initial, errors }: { initial: { from?: string; to?: string }; errors?: Record<string, string[]> }) {
  return (
    <form className="panel grid" method="get" data-testid="report-period-form">
      <label>
        From (UTC day, from 00:00)
        <input name="from" type="date" required defaultValue={initial.from} data-testid="report-from" />
        <FieldError message={errors?.from} testId="report-from-error" />
      </label>
      <label>
        To (UTC day, up to 00:00; not included)
        <input name="to" type="date" required defaultValue={initial.to} data-testid="report-to" />
        <FieldError message={errors?.to} testId="report-to-error" />
      </label>
      <div>
        <button type="submit" data-testid="report-generate">Generate report</button>
        <p className="muted">At most {MAX_REPORT_DAYS} days.</p>
      </div>
    </form>
  );
}
