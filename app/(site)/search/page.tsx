import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SearchForm } from "@/components/site/search-form";
import { SearchResults } from "@/components/site/search-results";
import { MAX_QUERY_LENGTH, parseSearchPage } from "@/db/queries/search";
import { searchArticles } from "@/lib/search";
import { pageMetadata } from "@/lib/seo";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q).slice(0, MAX_QUERY_LENGTH).trim();
  return pageMetadata({
    title: q ? `Search: ${q}` : "Search",
    description: "Search every published article.",
    path: "/search",
    noindex: true,
  });
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = first(params.q).slice(0, MAX_QUERY_LENGTH);
  const page = parseSearchPage(first(params.page) || undefined);
  if (page === null) notFound();
  const results = query.trim() ? await searchArticles(query, page) : null;
  return (
    <div className="container">
      <header className="listing-header">
        <h1>{results ? `Search results for “${results.query}”` : "Search"}</h1>
      </header>
      <SearchForm query={query} />
      {results ? <SearchResults results={results} /> : <p>Type one or more words to search every published article.</p>}
    </div>
  );
}
