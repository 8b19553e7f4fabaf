import type { ActionResult } from "@/lib/errors";
import type { BuildProgress } from "@/core/engines/index-advisor/build-progress";
import type { StoredAdvice } from "@/lib/services/database/latest-advice";
import type { AppliedIndexResult } from "@/lib/services/database/apply-index";
import type { FormAction } from "@/components/ui/form-action";

/** The Database page's index actions (app/(console)/database/index-actions.ts), passed down as props. */
export interface IndexActions {
  advise: FormAction<StoredAdvice>;
  apply: FormAction<AppliedIndexResult>;
  rollback: FormAction<{ id: string; existed: boolean }>;
  buildProgress: () => Promise<ActionResult<{ database: string; builds: BuildProgress[]; live: boolean }>>;
}

/** The Optimize flow's actions (app/(console)/database/actions.ts), passed down as props. */
export interface OptimizeActions {
  start: FormAction<{ id: string }>;
  confirm: FormAction<{ id: string }>;
}
