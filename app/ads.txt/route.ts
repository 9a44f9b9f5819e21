import { getAdsTxt } from "@/db/queries/settings";

// Read on each request (one indexed row), so an editor's change is served at once; shared
// caches may keep it for five minutes.
export const dynamic = "force-dynamic";

export async function GET() {
  const text = await getAdsTxt();
  return new Response(text ? `${text}\n` : "", {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=300, s-maxage=300, stale-while-revalidate=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
