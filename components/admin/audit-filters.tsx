import { AUDIT_OUTCOMES } from "@/lib/validations/audit";

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked or shared. */
export function AuditFilters({ initial }: { initial: { action?: string; actor?: string; outcome?: string; from?: string; to?: string } }) {
  return (
    <form className="panel grid" method="get" data-testid="audit-filters">
      <label>
        Action starts with
        <input name="action" defaultValue={initial.action} placeholder="e.g. auth.sign_in" data-testid="filter-action" />
      </label>
      <label>
        Actor contains
        <input name="actor" defaultValue={initial.actor} placeholder="email" />
      </label>
      <label>
        Outcome
        <select name="outcome" defaultValue={initial.outcome ?? ""}>
          <option value="">Any</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        From (UTC day)
        <input name="from" type="date" defaultValue={initial.from} data-testid="filter-from" />
      </label>
      <label>
        To (UTC day, inclusive)
        <input name="to" type="date" defaultValue={initial.to} data-testid="filter-to" />
      </label>
      <div className="form-submit">
        <button type="submit">Filter</button>
      </div>
    </form>
  );
}
