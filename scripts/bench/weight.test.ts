import { describe, expect, it } from "vitest";
import { scriptsIn } from "./weight";

describe("scriptsIn", () => {
  it("finds external scripts and script preloads once each, and counts inline script bytes", () => {
    const html = `<html><head>
      <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>
      <link rel="stylesheet" href="/_next/static/css/x.css"/>
      <script src="/_next/static/chunks/a.js" async=""></script>
      <script src='/_next/static/chunks/b.js?dpl=1&amp;x=2'></script>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script>
      </head><body><script>self.__next_f.push([1,"abc"])</script></body></html>`;
    const { srcs, inlineBytes } = scriptsIn(html);
    expect(srcs).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?dpl=1&x=2"]);
    expect(inlineBytes).toBe(Buffer.byteLength('self.__next_f.push([1,"abc"])'));
  });
});
