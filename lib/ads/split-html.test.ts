import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";
import { countTopLevelParagraphs, splitAfterParagraphs, topLevelParagraphEnds } from "./split-html";

describe("top-level paragraph boundaries", () => {
  it("counts only top-level paragraphs of rendered Markdown", () => {
    const html = renderMarkdown(
      [
        "First paragraph with a [link](https://example.com) and **bold**.",
        "## A heading",
        "> A quoted paragraph.\n>\n> Another quoted one.",
        "- a list item\n\n- with loose items",
        "Second top-level paragraph.",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Third, with an image ![alt](https://example.com/x.png).",
      ].join("\n\n"),
    );
    expect(countTopLevelParagraphs(html)).toBe(3);
  });

  it("never splits inside an element, and ignores tags inside attribute values and comments", () => {
    const html =
      '<p title="a </p> b">one</p><!-- <p>not</p> --><div><p>nested</p></div><p>two<br/>lines</p><img src="x" alt=">">';
    const ends = topLevelParagraphEnds(html);
    expect(ends).toEqual([html.indexOf("one</p>") + 7, html.indexOf("lines</p>") + 9]);
  });

  it("treats raw text elements as opaque", () => {
    expect(countTopLevelParagraphs("<pre><code>&lt;p&gt;</code></pre><script>'</p><p>'</script><p>x</p>")).toBe(1);
  });

  it("closes an unclosed paragraph where the next one starts, and gives nothing for a truncated tag", () => {
    expect(topLevelParagraphEnds("<p>a<p>b</p>")).toEqual([4, 12]);
    expect(topLevelParagraphEnds("<p>a</p><p title='x")).toEqual([8]);
  });
});

describe("splitAfterParagraphs", () => {
  const html = "<p>1</p>\n<h2>h</h2>\n<p>2</p>\n<ul><li><p>in list</p></li></ul>\n<p>3</p>";

  it("cuts after the requested paragraphs and loses nothing", () => {
    const parts = splitAfterParagraphs(html, [3, 1, 1]);
    expect(parts.map((p) => p.afterParagraph)).toEqual([1, 3, null]);
    expect(parts[0].html).toBe("<p>1</p>");
    expect(parts[1].html.endsWith("<p>3</p>")).toBe(true);
    expect(parts[2].html).toBe("");
    expect(parts.map((p) => p.html).join("")).toBe(html);
  });

  it("ignores positions past the end or not whole numbers ≥ 1", () => {
    const parts = splitAfterParagraphs(html, [0, -1, 4, 1.5, Number.NaN]);
    expect(parts).toEqual([{ html, afterParagraph: null }]);
  });
});
