import type { PublicUser } from "@/lib/services/users/public-user";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { UserRowActions } from "./user-row-actions";
import type { UserActions } from "./user-actions";

export function UsersTable({ users, selfId, actions }: { users: PublicUser[]; selfId: string; actions: UserActions }) {
  return (
    <table data-testid="users-table">
      <thead>
        <tr>
          <th>Email</th>
          <th>Name</th>
          <th>Role</th>
          <th>Status</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} data-testid={`user-row-${u.email}`}>
            <td>{u.email}</td>
            <td>{u.name}</td>
            <td>{ROLE_LABEL[u.role]}</td>
            <td>{u.disabledAt ? <span className="badge bad">Disabled</span> : <span className="badge ok">Active</span>}</td>
            <td>{u.id === selfId ? <span className="muted">You</span> : <UserRowActions user={u} actions={actions} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
