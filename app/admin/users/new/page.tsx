import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guards";
import { CreateUserForm } from "../user-forms";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  await requirePageUser("admin", "/admin/users/new");
  return (
    <>
      <p>
        <Link href="/admin/users">← Users</Link>
      </p>
      <h1>New user</h1>
      <CreateUserForm />
    </>
  );
}
