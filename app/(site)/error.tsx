"use client";

/** Shown when a reader page fails to render; the masthead and footer stay in place. */
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container message-page">
      <p className="kicker">Something went wrong</p>
      <h1>This page could not be shown</h1>
      <p>We hit a problem while preparing this page. Please try again in a moment.</p>
      <ul className="message-links">
        <li>
          <button type="button" className="button" onClick={() => reset()}>
            Try again
          </button>
        </li>
        <li>
          <a href="/">Latest news</a>
        </li>
      </ul>
    </div>
  );
}
