import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { latestAdvice } from "@/lib/services/database/latest-advice";
import { listAppliedIndexes } from "@/lib/services/database/applied-indexes";
import { clinicalDatabaseTarget, indexMethods } from "@/lib/services/database/clinical-database";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";
import { AdviseForm } from "./advise-form";
import { SuggestionItem } from "./suggestion-item";
import { AppliedIndexes } from "./applied-indexes";
import { BuildProgress } from "./build-progress";
import type { IndexActions } from "./database-actions";

const METHOD: Record<string, string> = {
  hypopg: "HypoPG hypothetical indexes (nothing built while advising)",
  transaction: "transaction what-if (PGlite has no HypoPG): each candidate built inside a transaction, EXPLAINed and rolled back",
};

/** The advisor's stored suggestions, apply/roll back (admin), build progress and applied indexes. */
export async function SuggestionsSection({ actor, actions }: { actor: Actor; actions: IndexActions }) {
  const [advice, applied] = await Promise.all([latestAdvice(actor), listAppliedIndexes(actor)]);
  const canChange = can(actor.role, "index.change");
  const applyDisabled = canChange ? null : `Only an administrator may apply indexes (your role: ${actor.role}).`;
  const target = clinicalDatabaseTarget();
  const methods = indexMethods(target);
  return (
    <>
      <Card title="Index suggestions" testId="suggestions">
        <p className="muted" data-testid="index-methods">
          Clinical database: {target.label}. What-if: {methods.whatIf}. Builds: {methods.build}.
        </p>
        <AdviseForm disabledReason={can(actor.role, "index.advise") ? null : `Your role (${actor.role}) may read advice but not run the advisor.`} action={actions.advise} />
        {!advice && <EmptyState testId="suggestions-empty">The advisor has not run yet.</EmptyState>}
        {advice && (
          <>
            <p className="muted" data-testid="advice-method">
              Advised <Timestamp at={advice.createdAt} /> on {advice.database} from {advice.analyzed} statement(s) over {advice.windowHours.toFixed(1)} h of workload; what-if method: {METHOD[advice.method] ?? advice.method}.
            </p>
            {advice.suggestions.length === 0 ? (
              <EmptyState testId="suggestions-none">No index would bring any statement below half its cost.</EmptyState>
            ) : (
              <ol className="suggestion-list">
                {advice.suggestions.map((s) => <SuggestionItem key={s.id} s={s} applyDisabledReason={applyDisabled} applyAction={actions.apply} />)}
              </ol>
            )}
          </>
        )}
      </Card>
      <Card title="Applied indexes" testId="applied">
        <BuildProgress read={actions.buildProgress} />
        <AppliedIndexes rows={applied} canChange={canChange} rollbackAction={actions.rollback} />
      </Card>
    </>
  );
}
