import { eq } from "drizzle-orm";
import { db } from "@/db";
import { media, type Media } from "@/db/schema";

/** An uploaded file by its path under the uploads folder, e.g. `2025/07/abc.webp`. */
export async function getMediaByPath(path: string): Promise<Media | null> {
  if (path.length === 0 || path.length > 200) return null;
  return db.select().from(media).where(eq(media.path, path)).get() ?? null;
}
