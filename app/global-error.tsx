"use client";

import "./globals.css";

/** Last resort when the root layout itself fails: a self-contained page. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="container message-page">
          <h1>This page could not be shown</h1>
          <p>We hit a problem while preparing this page. Please try again in a moment.</p>
          <p>
            <button type="button" className="button" onClick={() => reset()}>
              Try again
            </button>{" "}
            <a href="/">Go to the front page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
