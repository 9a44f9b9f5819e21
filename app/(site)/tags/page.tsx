import { ListingHeader } from "@/components/site/listing-header";
import { pageMetadata } from "@/lib/seo";
import { getTagsIndex } from "@/lib/site";

export const revalidate = 300;

export function generateMetadata() {
  return pageMetadata({ title: "All topics", description: "Every topic we cover, with the number of published articles.", path: "/tags" });
}

export default async function TagsIndexPage() {
  const tags = await getTagsIndex();
  return (
    <div className="container">
      <ListingHeader kicker="Browse" title="All topics">
        <p className="listing-description">Every topic with published reporting, and how many articles it has.</p>
      </ListingHeader>
      {tags.length > 0 ? (
        <ul className="topic-index">
          {tags.map((t) => (
            <li key={t.slug}>
              <a href={`/tags/${t.slug}`}>{t.name}</a>{" "}
              <span className="topic-count">
                {t.count}
                <span className="visually-hidden">{t.count === 1 ? " article" : " articles"}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No topics yet.</p>
      )}
    </div>
  );
}
