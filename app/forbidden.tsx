/**
 * forbidden(): a signed-in account without the role a page or action needs (403). Next inlines this
 * boundary into every page's RSC payload, reader pages included, so it stays small and links with a
 * plain anchor (next/link here would add its chunk to every reader page).
 */
export default function Forbidden() {
  return (
    <main id="main" className="status-page">
      <h1>Not allowed</h1>
      <p>Your account does not have permission to see this page.</p>
      <p>
        <a href="/admin">Back to the newsroom</a>
      </p>
    </main>
  );
}
