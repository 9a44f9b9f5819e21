import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser, safeCallbackPath } from "@/lib/auth/guards";
import { LoginForm } from "./login-form";
import "../admin/admin.css";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  // Auth.js sends failed posts to its callback route back here with ?error=…&code=….
  const code = Array.isArray(params.code) ? params.code[0] : params.code;
  const initialMessage = params.error
    ? code === "rate_limited"
      ? "Too many attempts. Try again in a few minutes."
      : "Wrong email or password."
    : undefined;
  return (
    <div className="admin">
      <main id="main" className="auth-page">
        <h1>Sign in to the newsroom</h1>
        <LoginForm callbackUrl={callbackUrl} initialMessage={initialMessage} />
      </main>
    </div>
  );
}
