import { describe, expect, it } from "vitest";
import { tagLinksHtml } from "@/components/site/tag-links";
import { escapeHtml } from "./escape";

describe("escapeHtml", () => {
  it("escapes the characters that could open a tag, end an attribute or start an entity", () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe("&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
  });
});

describe("tagLinksHtml", () => {
  it("renders tag links in order, with names escaped", () => {
    expect(
      tagLinksHtml([
        { name: "Women's Rights", slug: "womens-rights" },
        { name: "<b>Bold</b> & co", slug: "bold-co" },
      ]),
    ).toBe(
      '<li><a href="/tags/womens-rights" rel="tag">Women&#39;s Rights</a></li>' +
        '<li><a href="/tags/bold-co" rel="tag">&lt;b&gt;Bold&lt;/b&gt; &amp; co</a></li>',
    );
  });
});
