import type { FormAction } from "@/components/ui/form-action";
import type { ResetPasswordResult } from "@/lib/services/users/reset-password";

export type { FormAction };

export interface UserActions {
  create: FormAction;
  changeRole: FormAction;
  setDisabled: FormAction;
  resetPassword: FormAction<ResetPasswordResult>;
}
