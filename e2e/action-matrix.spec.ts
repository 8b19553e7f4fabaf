import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import pg from "pg";
import { ACTION_ACCESS, type ActionAccess } from "../lib/auth/action-access";
import { ROLES, can, type Role } from "../lib/auth/roles";
import { E2E, e2eDatabaseUrl } from "./support/config";
import { builtActions, postAction } from "./support/server-actions";
import { LoginPage } from "./pages/login-page";

// Every server action the build contains (not a hand-typed list), posted directly as every role
// its ACTION_ACCESS entry refuses and without a session: each call is refused, and that refusal
// is exactly one new audit event.
const url = e2eDatabaseUrl(E2E.main.name);
const actions = builtActions();
const access = (a: { filename: string; exportedName: string }): ActionAccess | undefined =>
  (ACTION_ACCESS as Record<string, Record<string, ActionAccess>>)[a.filename]?.[a.exportedName];

const CREDENTIALS: Record<Role, { email: string; password: string }> = {
  admin: { email: E2E.adminEmail, password: E2E.adminPassword },
  ops: E2E.users.ops,
  compliance: E2E.users.compliance,
};
const ANONYMOUS = "anonymous";

let db: pg.Client;
const callers = new Map<Role | typeof ANONYMOUS, APIRequestContext>();

async function signedInRequest(browser: Browser, role: Role): Promise<APIRequestContext> {
  const context = await browser.newContext();
  await new LoginPage(await context.newPage()).signInAs(CREDENTIALS[role].email, CREDENTIALS[role].password);
  return context.request;
}

async function lastSeq(): Promise<string> {
  return (await db.query<{ seq: string }>("SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events")).rows[0]!.seq;
}

/** The audit rows written for this caller since `seq` (other specs' servers write too, for others). */
async function rowsSince(seq: string, actor: string) {
  const { rows } = await db.query<{ action: string; outcome: string; target: string; after: { attempted?: string } }>(
    "SELECT action, outcome, target, after FROM audit_events WHERE seq > $1 AND actor = $2 ORDER BY seq",
    [seq, actor],
  );
  return rows;
}

test.beforeAll(async ({ browser, playwright }) => {
  // With embedded PGlite the running console owns its folder, so no second process may read it.
  test.skip(!url && process.env.VIGIL_REQUIRE_ALL !== "1", "needs PostgreSQL: set TEST_DATABASE_URL");
  expect(url, "VIGIL_REQUIRE_ALL=1 needs TEST_DATABASE_URL for this spec").toBeTruthy();
  db = new pg.Client({ connectionString: url });
  await db.connect();
  for (const role of ROLES) callers.set(role, await signedInRequest(browser, role));
  callers.set(ANONYMOUS, await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E.main.port}` }));
});

test.afterAll(async () => {
  await db?.end();
});

test("the build's server actions are exactly the ones ACTION_ACCESS lists", () => {
  expect(actions.length).toBeGreaterThan(0);
  const built = actions.map((a) => `${a.filename}#${a.exportedName}`);
  const listed = Object.entries(ACTION_ACCESS).flatMap(([file, entries]) => Object.keys(entries).map((name) => `${file}#${name}`));
  expect(built).toEqual([...listed].sort((a, b) => a.localeCompare(b)));
  // Public actions need no session; each new one should be a deliberate, reviewed decision.
  expect(actions.filter((a) => access(a)?.permission === "public").map((a) => a.exportedName)).toEqual(["signInAction", "signOutAction"]);
});

for (const action of actions) {
  const entry = access(action);
  if (!entry || entry.permission === "public") continue;
  const refusedRoles = entry.permission === "signed-in" ? [] : ROLES.filter((role) => !can(role, entry.permission as Parameters<typeof can>[1]));

  test(`${action.exportedName} (${action.filename}) is refused and audited for ${[...refusedRoles, "a caller without a session"].join(", ")}`, async () => {
    for (const caller of [...refusedRoles, ANONYMOUS] as const) {
      const actor = caller === ANONYMOUS ? ANONYMOUS : CREDENTIALS[caller].email;
      const before = await lastSeq();
      const res = await postAction(callers.get(caller)!, action);
      const why = `${action.exportedName} as ${caller}`;
      expect(res.status, why).toBe(200);
      expect(res.body, why).toContain(`"code":"${caller === ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN"}"`);
      const rows = await rowsSince(before, actor);
      expect(rows, why).toHaveLength(1);
      expect(rows[0], why).toMatchObject({ action: "access.denied", outcome: "denied", after: { attempted: entry.action } });
    }
  });
}
