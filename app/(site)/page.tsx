import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { articles } from "@/db/schema";

export const revalidate = 300;

export default async function FrontPage() {
  const rows = db.select().from(articles).where(eq(articles.status, "published")).orderBy(desc(articles.publishedAt)).limit(10).all();
  return (
    <main>
      <h1>Dateline</h1>
      <ul>{rows.map((r) => <li key={r.id}>{r.title}</li>)}</ul>
    </main>
  );
}
