import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guards";

export default async function AdminHome() {
  const user = await requirePageUser("editor", "/admin");
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      <ul className="admin-cards">
        <li>
          <Link href="/admin/articles">Articles</Link>: write, schedule and publish
        </li>
        <li>
          <Link href="/admin/tags">Tags</Link>: rename, describe, merge
        </li>
        <li>
          <Link href="/admin/ad-slots">Ad slots</Link>: placements, creatives, counts
        </li>
      </ul>
    </>
  );
}
