import Link from "next/link";

export default function Unauthorized() {
  return (
    <main id="main" className="status-page">
      <h1>Please sign in</h1>
      <p>You need to be signed in to do this.</p>
      <p>
        <Link href="/login">Sign in</Link>
      </p>
    </main>
  );
}
