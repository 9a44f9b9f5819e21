import type { ReactNode } from "react";

/** Heading block of a listing page (tag, author, archive page). */
export function ListingHeader({ kicker, title, children }: { kicker?: string; title: string; children?: ReactNode }) {
  return (
    <header className="listing-header">
      {kicker ? <p className="kicker">{kicker}</p> : null}
      <h1>{title}</h1>
      {children}
    </header>
  );
}
