import type { Metadata } from "next";
import Link from "next/link";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ created?: string | string[] }> }) {
  const me = await requirePageUser("admin", "/admin/users");
  const [users, { created }] = await Promise.all([listUsers(), searchParams]);
  const createdUser = typeof created === "string" ? users.find((u) => String(u.id) === created) : undefined;
  return (
    <>
      <div className="page-head">
        <h1>Users</h1>
        <Link href="/admin/users/new" className="button">
          New user
        </Link>
      </div>
      {createdUser ? (
        <div className="form-message ok" aria-live="polite">
          <p role="status">
            Created {createdUser.name} ({createdUser.email}). They can sign in now.
          </p>
        </div>
      ) : null}
      <div className="table-scroll">
        <table className="admin-table">
          <caption className="visually-hidden">Everyone with an account</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? undefined : "inactive"}>
                <td>
                  {u.name}
                  {u.id === me.id ? " (you)" : ""}
                </td>
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td>
                  {u.active ? "Active" : "Deactivated"}
                  {u.demoPassword ? (
                    <>
                      {" "}
                      <span className="badge danger">demo password</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Link href={`/admin/users/${u.id}/edit`} aria-label={`Edit ${u.name}`}>
                    Edit
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
