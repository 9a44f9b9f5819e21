import type { ElementType, ReactNode } from "react";

/** Content for screen readers and search engines only (a page's h1 where the design shows none). */
export function VisuallyHidden({ as: Tag = "span", children, id }: { as?: ElementType; children: ReactNode; id?: string }) {
  return (
    <Tag className="visually-hidden" id={id}>
      {children}
    </Tag>
  );
}
