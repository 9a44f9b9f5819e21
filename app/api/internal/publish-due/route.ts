import { publishDueArticles } from "@/lib/articles/write";
import { expireArticle } from "@/lib/revalidate";
import { isSchedulerRequest } from "@/lib/scheduler";

export const dynamic = "force-dynamic";

/** Called by the in-process scheduler (lib/scheduler.ts): publishes due articles and expires their pages. */
export async function POST(request: Request): Promise<Response> {
  if (!isSchedulerRequest(request)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  const changes = await publishDueArticles(new Date());
  for (const change of changes) expireArticle(change);
  return Response.json({ published: changes.length }, { headers: { "Cache-Control": "no-store" } });
}
