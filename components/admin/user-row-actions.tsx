"use client";

import { useActionState } from "react";
import { ROLES, ROLE_LABEL } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/services/users/public-user";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import type { UserActions } from "./user-actions";
import { ResetPasswordForm } from "./reset-password-form";

export function UserRowActions({ user, actions }: { user: PublicUser; actions: UserActions }) {
  const [roleState, roleAction, rolePending] = useActionState(actions.changeRole, null);
  const [disState, disAction, disPending] = useActionState(actions.setDisabled, null);
  const error = [roleState, disState].find((s) => s && !s.ok);
  return (
    <div className="inline-row">
      <form action={roleAction} className="inline-fields">
        <input type="hidden" name="userId" value={user.id} />
        <select name="role" defaultValue={user.role} aria-label={`Role for ${user.email}`} data-testid="role-select">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <input name="reason" type="text" maxLength={500} placeholder="reason (kept in the audit trail)" aria-label={`Reason for the role change of ${user.email}`} data-testid="role-reason" />
        <OnlineSubmit className="secondary" disabled={rolePending} data-testid="role-save">
          Save role
        </OnlineSubmit>
      </form>
      <form action={disAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabledAt ? "false" : "true"} />
        <input name="reason" type="text" maxLength={500} placeholder="reason (kept in the audit trail)" aria-label={`Reason to ${user.disabledAt ? "enable" : "disable"} ${user.email}`} data-testid="disable-reason" />
        <OnlineSubmit className="secondary" disabled={disPending} data-testid="toggle-disabled">
          {user.disabledAt ? "Enable" : "Disable"}
        </OnlineSubmit>
      </form>
      <ResetPasswordForm user={user} action={actions.resetPassword} />
      {error && !error.ok && <span className="error" data-testid="user-row-error">{error.fields?.reason ? `Reason: ${error.fields.reason[0]}` : error.message}</span>}
    </div>
  );
}
