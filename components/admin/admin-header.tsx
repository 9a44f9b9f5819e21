import Link from "next/link";
import { signOutAction } from "@/app/admin/actions";
import { hasRole, type SessionUser } from "@/lib/auth/guards";

const SECTIONS = [
  { href: "/admin/articles", label: "Articles", role: "editor" },
  { href: "/admin/tags", label: "Tags", role: "editor" },
  { href: "/admin/ad-slots", label: "Ad slots", role: "editor" },
  { href: "/admin/users", label: "Users", role: "admin" },
  // Editors maintain ads.txt there; the rest of the settings are for admins.
  { href: "/admin/settings", label: "Settings", role: "editor" },
  { href: "/admin/audit", label: "Audit log", role: "admin" },
] as const;

export function AdminHeader({ user }: { user: SessionUser }) {
  return (
    <header className="admin-header">
      <Link href="/admin" className="admin-brand">
        Newsroom
      </Link>
      <nav aria-label="Admin sections">
        <ul>
          {SECTIONS.filter((s) => hasRole(user, s.role)).map((s) => (
            <li key={s.href}>
              <Link href={s.href}>{s.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-user">
        <span>
          {user.name} <span className="badge">{user.role}</span>
        </span>
        <Link href="/admin/account">Your account</Link>
        <form action={signOutAction}>
          <button type="submit">Sign out</button>
        </form>
      </div>
    </header>
  );
}
