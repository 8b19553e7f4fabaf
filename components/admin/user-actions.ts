import type { FormAction } from "@/components/ui/form-action";

export type { FormAction };

export interface UserActions {
  create: FormAction;
  changeRole: FormAction;
  setDisabled: FormAction;
}
