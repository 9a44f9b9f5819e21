import { z } from "zod";
import { isExpireAgainRequest } from "@/lib/expire-again";
import { expireTagsNow } from "@/lib/revalidate";

export const dynamic = "force-dynamic";

const Body = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(5_000) });
const NO_STORE = { "Cache-Control": "no-store" };

/** Called by this server itself (lib/expire-again.ts): expires the tags of a change once more. */
export async function POST(request: Request): Promise<Response> {
  if (!isExpireAgainRequest(request)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: NO_STORE });
  }
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "expected { tags: string[] }" }, { status: 400, headers: NO_STORE });
  expireTagsNow(parsed.data.tags);
  return new Response(null, { status: 204, headers: NO_STORE });
}
