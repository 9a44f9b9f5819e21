import type { ReactNode } from "react";

/** The reader's way back in: front page, topics and search, plus any extra items a place adds. */
export function SiteLinkList({ className, children }: { className: string; children?: ReactNode }) {
  return (
    <ul className={className}>
      <li>
        <a href="/">Latest news</a>
      </li>
      <li>
        <a href="/tags">All topics</a>
      </li>
      <li>
        <a href="/search">Search</a>
      </li>
      {children}
    </ul>
  );
}
