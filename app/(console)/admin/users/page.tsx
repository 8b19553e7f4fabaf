import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/services/auth/dal";
import { listUsers } from "@/lib/services/users/list-users";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { Card } from "@/components/ui/card";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from "./actions";

const actions = { create: createUserAction, changeRole: changeRoleAction, setDisabled: setDisabledAction, resetPassword: resetPasswordAction };

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePagePermission("user.view", "admin.users.view");
  const users = await listUsers(actor);
  return (
    <>
      <h1>Users</h1>
      <Card title="Accounts">
        <UsersTable users={users} selfId={actor.id} actions={actions} />
      </Card>
      <Card title="Create a user">
        <CreateUserForm createAction={actions.create} />
      </Card>
    </>
  );
}
