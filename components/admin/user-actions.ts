import type { ActionResult } from "@/lib/errors";

/** A server action as a form's useActionState takes it; pages pass them down as props. */
export type FormAction = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

export interface UserActions {
  create: FormAction;
  changeRole: FormAction;
  setDisabled: FormAction;
}
