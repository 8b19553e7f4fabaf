import type { Permission } from "./roles";

/**
 * Who may call each server action, keyed as the build's server-reference manifest names it
 * (`filename` → `exportedName`). Each action checks its own entry first (actionActor in
 * lib/services/auth/dal.ts); e2e/action-matrix.spec.ts posts every action in the manifest as
 * every role its entry refuses, and as nobody, so this table, the actions and the test
 * cannot drift. The service verbs behind the actions check the same permission again for
 * their other callers (the CLI, tests).
 */
export type ActionAccess =
  /** Refused (and audited) for a role without the permission, and for a caller without a session. */
  | { permission: Permission; action: string; target?: string }
  /** Any signed-in user, a pending forced password change included; the service checks the rest. */
  | { permission: "signed-in"; action: string }
  /** No session needed; `why` says why that is safe. */
  | { permission: "public"; why: string };

export type CheckedAccess = Exclude<ActionAccess, { permission: "public" }>;

export const ACTION_ACCESS = {
  "app/(auth)/login/actions.ts": {
    signInAction: { permission: "public", why: "signing in is how a caller gets a session; throttled and audited by signInWithPassword" },
  },
  "app/(console)/sign-out-action.ts": {
    signOutAction: { permission: "public", why: "ends the caller's own session if there is one; without one it only clears cookies" },
  },
  "app/account/password/actions.ts": {
    changePasswordAction: { permission: "signed-in", action: "user.password.change" },
  },
  "app/(console)/admin/audit/actions.ts": {
    loadAuditPageAction: { permission: "audit.view", action: "audit.list" },
    verifyAuditTrailAction: { permission: "audit.view", action: "audit.verify" },
    prepareAuditExportAction: { permission: "audit.view", action: "audit.export" },
    updateAuditRetentionAction: { permission: "policy.change", action: "audit.retention.update", target: "audit-retention" },
    archiveAuditEventsAction: { permission: "policy.change", action: "audit.archive", target: "audit_events" },
  },
  "app/(console)/admin/break-glass/actions.ts": {
    acknowledgeBreakGlassAction: { permission: "breakglass.acknowledge", action: "breakglass.acknowledge" },
  },
  "app/(console)/admin/users/actions.ts": {
    createUserAction: { permission: "user.manage", action: "user.create" },
    changeRoleAction: { permission: "user.manage", action: "user.change_role" },
    setDisabledAction: { permission: "user.manage", action: "user.disable" },
    resetPasswordAction: { permission: "user.manage", action: "user.password.reset" },
  },
  "app/(console)/break-glass/actions.ts": {
    startBreakGlassAction: { permission: "breakglass.start", action: "breakglass.start" },
    // Only the holder has a grant to end; anyone else gets "no break-glass is active for you".
    endBreakGlassAction: { permission: "signed-in", action: "breakglass.end" },
  },
  "app/(console)/caching/actions.ts": {
    updatePoliciesAction: { permission: "policy.change", action: "cache.policy.update" },
    invalidateAction: { permission: "policy.change", action: "cache.invalidate" },
  },
  "app/(console)/database/actions.ts": {
    startOptimizeAction: { permission: "loadtest.run", action: "optimize.start" },
    confirmOptimizeAction: { permission: "index.change", action: "optimize.confirm" },
  },
  "app/(console)/database/index-actions.ts": {
    adviseIndexesAction: { permission: "index.advise", action: "index.advise" },
    applyIndexAction: { permission: "index.change", action: "index.apply" },
    rollbackIndexAction: { permission: "index.change", action: "index.rollback" },
    indexBuildProgressAction: { permission: "console.view", action: "index.progress" },
  },
  "app/(console)/database/pool-actions.ts": {
    updatePoolSettingsAction: { permission: "policy.change", action: "database.pool.update" },
  },
  "app/(console)/load-tests/actions.ts": {
    startRunAction: { permission: "loadtest.run", action: "run.start" },
    abortRunAction: { permission: "loadtest.run", action: "run.abort" },
    promoteBaselineAction: { permission: "baseline.promote", action: "baseline.promote" },
  },
  "app/(console)/resources/actions.ts": {
    updateResourceSettingsAction: { permission: "policy.change", action: "resources.settings.update" },
    updatePriceTableAction: { permission: "policy.change", action: "resources.prices.update" },
  },
  "app/(console)/scaling/actions.ts": {
    updateScalingPolicyAction: { permission: "policy.change", action: "scaling.policy.update" },
    startSurgeAction: { permission: "policy.change", action: "scaling.surge.start" },
  },
} as const satisfies Record<string, Record<string, ActionAccess>>;
