import { transaction } from "@/db";
import {
  adSlots,
  adSlotTags,
  articles,
  articleTags,
  authors,
  media,
  revisions,
  siteSettings,
  slugRedirects,
  tags,
  users,
} from "@/db/schema";

/**
 * A small database that uses every table the content export covers, with awkward values
 * (Unicode, quotes, nulls, tag order that differs from id order). Used by the operations tests.
 */
export function seedSampleContent(now = new Date("2025-07-20T12:00:00.000Z")): void {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  transaction((tx) => {
    tx.insert(siteSettings)
      .values({
        id: 1,
        siteName: "Dateline",
        description: "Independent reporting",
        siteUrl: "https://news.example.com",
        adsTxt: "example.com, pub-1, DIRECT",
        updatedAt: at(1),
      })
      .run();
    const user = tx
      .insert(users)
      .values({ email: "ed@example.com", name: "Ed", passwordHash: "x", role: "editor" })
      .returning({ id: users.id })
      .get();
    tx.insert(authors)
      .values([
        { id: 1, slug: "foreign-desk", name: "Foreign Desk", bio: "Diplomacy & conflict.", userId: user.id, createdAt: at(30) },
        { id: 2, slug: "ana-souza", name: "Ana Souza", bio: "", createdAt: at(20) },
      ])
      .run();
    tx.insert(tags)
      .values([
        { id: 1, slug: "russia", name: "Russia", createdAt: at(30) },
        { id: 2, slug: "womens-rights", name: "Women's Rights", description: "Rights \"and\" wrongs", createdAt: at(30) },
        { id: 3, slug: "energy", name: "Energy", createdAt: at(10) },
      ])
      .run();
    tx.insert(articles)
      .values([
        {
          id: 1,
          slug: "russia-recognises",
          title: "Russia recognises — «officially»",
          dek: "A first",
          body: "Para one.\n\nPara *two* with <b>html</b>.",
          status: "published",
          publishedAt: at(9),
          createdAt: at(9),
          updatedAt: at(8),
          authorId: 1,
          heroImage: "2025/07/hero.webp",
          heroAlt: "A flag",
          heroCaption: "Moscow, July",
          seoTitle: "SEO",
          seoDescription: "Desc",
          version: 3,
          updatedBy: user.id,
        },
        {
          id: 2,
          slug: "draft-piece",
          title: "Draft piece",
          status: "draft",
          publishedAt: null,
          createdAt: at(2),
          updatedAt: at(2),
          authorId: 2,
        },
        {
          id: 5,
          slug: "scheduled-piece",
          title: "Scheduled piece",
          status: "scheduled",
          publishedAt: at(-3),
          createdAt: at(1),
          updatedAt: at(1),
          authorId: 2,
        },
      ])
      .run();
    tx.insert(articleTags)
      .values([
        { articleId: 1, tagId: 3, position: 0 },
        { articleId: 1, tagId: 1, position: 1 },
        { articleId: 1, tagId: 2, position: 2 },
        { articleId: 5, tagId: 1, position: 0 },
      ])
      .run();
    tx.insert(revisions)
      .values({
        articleId: 1,
        version: 2,
        title: "Russia recognises",
        slug: "russia-recognises-taliban",
        dek: "",
        body: "Para one.",
        tags: JSON.stringify(["Energy", "Russia"]),
        seoTitle: "",
        seoDescription: "",
        status: "published",
        publishedAt: at(9),
        userId: user.id,
        createdAt: at(8),
      })
      .run();
    tx.insert(slugRedirects)
      .values([
        { kind: "article", fromSlug: "russia-recognises-taliban", targetId: 1, createdAt: at(8) },
        { kind: "tag", fromSlug: "womens-right", targetId: 2, createdAt: at(7) },
      ])
      .run();
    tx.insert(media)
      .values({ path: "2025/07/hero.webp", mime: "image/webp", width: 1200, height: 800, bytes: 5, createdAt: at(9) })
      .run();
    tx.insert(adSlots)
      .values([
        {
          id: 1,
          key: "YYYYYYYYYY",
          name: "After body",
          placement: "article-after-body",
          width: 728,
          height: 90,
          creativeType: "image",
          imageUrl: "/ads/house-leaderboard.svg",
          linkUrl: "https://example.com/subscribe",
          altText: "Subscribe",
          createdAt: at(30),
          updatedAt: at(30),
        },
        {
          id: 2,
          key: "INLINE_2",
          name: "Inline HTML",
          placement: "article-inline",
          placementIndex: 2,
          width: 300,
          height: 250,
          creativeType: "html",
          html: "<script>document.write('ad')</script>",
          active: false,
          startsAt: at(5),
          endsAt: at(-5),
          createdAt: at(6),
          updatedAt: at(6),
        },
      ])
      .run();
    tx.insert(adSlotTags)
      .values([
        { slotId: 2, tagId: 3 },
        { slotId: 2, tagId: 1 },
      ])
      .run();
  });
}
