import type { ActionResult } from "@/lib/errors";

/**
 * A server action as a form's useActionState takes it. Pages import actions from app/ and pass
 * them to components as props; components never import app/ (npm run check:imports).
 */
export type FormAction<T = undefined> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
