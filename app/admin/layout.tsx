import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminHeader } from "@/components/admin/admin-header";
import { CspSafeValidation } from "@/components/admin/csp-safe-validation";
import { requirePageUser } from "@/lib/auth/guards";
import "./admin.css";

export const metadata: Metadata = {
  title: { template: "%s · Newsroom", default: "Newsroom" },
  robots: { index: false, follow: false },
};

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Pages check again themselves: a layout is not re-run on every navigation.
  const user = await requirePageUser("editor");
  return (
    <div className="admin">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <CspSafeValidation />
      <AdminHeader user={user} />
      {user.demoPassword ? (
        <p className="demo-warning" role="note">
          You are signed in with a published demo password. <a href="/admin/account">Change your password</a>{" "}
          before this site goes live.
        </p>
      ) : null}
      <main id="main" className="admin-main">
        {children}
      </main>
    </div>
  );
}
