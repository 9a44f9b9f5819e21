import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser, safeCallbackPath } from "@/lib/auth/guards";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <main id="main" className="auth-page">
      <h1>Sign in to the newsroom</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </main>
  );
}
