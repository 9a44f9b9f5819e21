/**
 * notFound() outside the reader site's pages and the newsroom (which have their own, inside their
 * frames). Kept bare: Next inlines this boundary into every page's RSC payload, reader pages
 * included. Unmatched URLs get app/global-not-found.tsx instead.
 */
export default function NotFound() {
  return (
    <main id="main" className="container message-page">
      <h1>Page not found</h1>
      <p>
        <a href="/">Latest news</a>
      </p>
    </main>
  );
}
