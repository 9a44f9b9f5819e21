import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="status-page">
      <h1>Not allowed</h1>
      <p>Your account does not have permission to see this page.</p>
      <p>
        <Link href="/admin">Back to the newsroom</Link>
      </p>
    </main>
  );
}
