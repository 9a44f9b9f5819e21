import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getUserById } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/guards";
import { ResetPasswordForm, UserDetailsForm, UserStatusForm } from "../../user-forms";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requirePageUser("admin", `/admin/users/${encodeURIComponent(id)}/edit`);
  const user = /^\d{1,15}$/.test(id) ? await getUserById(Number(id)) : undefined;
  if (!user) notFound();
  const isMe = user.id === me.id;
  return (
    <>
      <p>
        <Link href="/admin/users">← Users</Link>
      </p>
      <h1>
        {user.name} <span className="badge">{user.active ? user.role : "deactivated"}</span>
      </h1>
      <p>{user.email}</p>
      <section className="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">Name and role</h2>
        <UserDetailsForm userId={user.id} name={user.name} role={user.role} />
      </section>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        {isMe ? (
          <p>
            Change your own password under <Link href="/admin/account">Your account</Link>.
          </p>
        ) : (
          <ResetPasswordForm userId={user.id} />
        )}
      </section>
      <section className="panel" aria-labelledby="status-heading">
        <h2 id="status-heading">Access</h2>
        <UserStatusForm userId={user.id} active={user.active} name={user.name} />
      </section>
    </>
  );
}
