/**
 * unauthorized(): an action called without a valid session (401); signed-out visitors to a page are
 * sent to /login instead. Inlined into every page's RSC payload like forbidden.tsx, so kept as small.
 */
export default function Unauthorized() {
  return (
    <main id="main" className="status-page">
      <h1>Please sign in</h1>
      <p>You need to be signed in to do this.</p>
      <p>
        <a href="/login">Sign in</a>
      </p>
    </main>
  );
}
