import { NotFoundMessage } from "@/components/site/not-found-message";

/**
 * notFound() outside the reader site's pages (which have their own, inside the site frame).
 * Kept bare: Next inlines this boundary into every page's RSC payload. Unmatched URLs get
 * app/global-not-found.tsx instead.
 */
export default function NotFound() {
  return (
    <main id="main">
      <NotFoundMessage />
    </main>
  );
}
