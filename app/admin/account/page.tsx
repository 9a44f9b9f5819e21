import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/guards";
import { PasswordChangeForm } from "./password-change-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string | string[] }> }) {
  const me = await requirePageUser("editor", "/admin/account");
  const { changed } = await searchParams;
  return (
    <>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{me.name}</dd>
        <dt>Email</dt>
        <dd>{me.email}</dd>
        <dt>Role</dt>
        <dd>{me.role}</dd>
      </dl>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        {me.demoPassword ? (
          <p>You are using a published demo password: anyone can sign in as you until you change it.</p>
        ) : null}
        <PasswordChangeForm
          email={me.email}
          initialMessage={changed ? "Your password has been changed. Other browsers have been signed out." : undefined}
        />
      </section>
    </>
  );
}
