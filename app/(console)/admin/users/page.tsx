import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/services/auth/dal";
import { listUsers } from "@/lib/services/users/list-users";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from "./actions";

const actions = { create: createUserAction, changeRole: changeRoleAction, setDisabled: setDisabledAction, resetPassword: resetPasswordAction };

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePagePermission("user.view", "admin.users.view");
  const users = await listUsers(actor);
  return (
    <>
      <h1>Users</h1>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Accounts</h2>
        <UsersTable users={users} selfId={actor.id} actions={actions} />
      </section>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Create a user</h2>
        <CreateUserForm createAction={actions.create} />
      </section>
    </>
  );
}
