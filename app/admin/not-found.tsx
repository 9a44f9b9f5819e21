/** An unknown article, tag, slot or user id in the newsroom, inside the newsroom's frame. */
export default function AdminNotFound() {
  return (
    <div className="status-page">
      <h1>Not found</h1>
      <p>This item does not exist or has been deleted.</p>
      <p>
        <a href="/admin">Back to the newsroom</a>
      </p>
    </div>
  );
}
