import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listAuditEntries } from "@/db/queries/audit";
import { EditorZoneCookie } from "@/components/admin/editor-zone-cookie";
import { ZonedTime } from "@/components/admin/zoned-time";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";

export const metadata: Metadata = { title: "Audit log" };

type Search = { before?: string | string[]; action?: string | string[] };

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser("admin", "/admin/audit");
  const params = await searchParams;
  const beforeParam = one(params.before);
  const action = one(params.action);
  if (beforeParam !== undefined && !/^\d{1,15}$/.test(beforeParam)) notFound();
  if (action !== undefined && !/^[a-z0-9.-]{1,64}$/.test(action)) notFound();
  const [{ entries, nextBefore }, zone] = await Promise.all([
    listAuditEntries({ before: beforeParam ? Number(beforeParam) : undefined, action }),
    editorTimeZone(),
  ]);
  const query = (extra: Record<string, string | number>) =>
    `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) })}`;
  return (
    <>
      <EditorZoneCookie serverZone={zone} />
      <div className="page-head">
        <h1>Audit log</h1>
        {action ? (
          <p>
            Showing <code>{action}</code> only. <Link href="/admin/audit">Show everything</Link>
          </p>
        ) : null}
      </div>
      <p className="field-hint">Sign-ins, failed sign-ins and every change made in the admin, newest first. Times in {zone}.</p>
      {entries.length === 0 ? (
        <p>No entries{beforeParam ? " before this point" : ""}.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">What</th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <ZonedTime date={e.at} zone={zone} seconds />
                  </td>
                  <td>{e.actor || "—"}</td>
                  <td>
                    <Link href={`/admin/audit?action=${encodeURIComponent(e.action)}`}>
                      <code>{e.action}</code>
                    </Link>
                  </td>
                  <td>
                    {e.summary}
                    {e.entityType && e.entityId ? (
                      <span className="field-hint">
                        {" "}
                        ({e.entityType} {e.entityId})
                      </span>
                    ) : null}
                  </td>
                  <td>{e.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Audit log pages">
        {beforeParam ? <Link href={action ? query({}) : "/admin/audit"}>Newest entries</Link> : null}
        {nextBefore ? <Link href={query({ before: nextBefore })}>Older entries</Link> : null}
      </nav>
    </>
  );
}
