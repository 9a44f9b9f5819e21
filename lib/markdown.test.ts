import { describe, expect, it } from "vitest";
import { isSafeUrl, renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders paragraphs, emphasis, links, lists and tables", () => {
    const html = renderMarkdown(
      "First *para*.\n\nSecond with [a link](https://example.com/x).\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |",
    );
    expect(html).toContain("<p>First <em>para</em>.</p>");
    expect(html).toContain('<a href="https://example.com/x">a link</a>');
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<td>1</td>");
  });

  it("keeps plain text exactly, quotes and symbols included", () => {
    const text = "Muttaqi called it a 'courageous' step; about $9 billion & more <b>bold</b>.";
    const html = renderMarkdown(text);
    expect(html).toBe("<p>Muttaqi called it a 'courageous' step; about $9 billion &#x26; more bold.</p>");
  });

  it("drops script elements: a script block entirely, inline tags leaving only inert text", () => {
    const block = renderMarkdown('Before\n\n<script>\nfetch("/steal?c=" + document.cookie)\n</script>\n\nAfter');
    expect(block).toBe("<p>Before</p>\n<p>After</p>");
    const inline = renderMarkdown('Hello <script src="https://evil.example/x.js">alert(1)</script> world');
    expect(inline).not.toMatch(/<script|evil\.example/i);
    expect(inline).toBe("<p>Hello alert(1) world</p>");
  });

  it("drops event handler attributes, raw HTML and foreign iframes", () => {
    const html = renderMarkdown(
      '<img src="x" onerror="alert(1)">\n\n<div onclick="steal()">click</div>\n\n<iframe src="https://evil.example"></iframe>\n\n<svg onload="alert(1)"></svg>',
    );
    expect(html).not.toMatch(/onerror|onclick|onload/i);
    expect(html).not.toMatch(/<iframe|<svg|<div/i);
  });

  it("removes javascript:, vbscript: and data: URLs from links and images", () => {
    const html = renderMarkdown(
      "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](vbscript:msgbox) [w](data:text/html;base64,PHNjcmlwdD4=)\n\n![pic](javascript:alert(1))\n\n[ok](https://example.com)",
    );
    expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(html).toContain('<a href="https://example.com">ok</a>');
  });

  it("escapes HTML inside code", () => {
    const html = renderMarkdown("`<script>`\n\n```\n<img onerror=x>\n```");
    expect(html).toContain("<code>&#x3C;script></code>");
    expect(html).not.toMatch(/<img/);
  });
});

describe("isSafeUrl", () => {
  it.each([
    ["/media/2025/07/a.webp", true],
    ["https://example.com/a.png", true],
    ["http://example.com", true],
    ["//evil.example/x", false],
    ["javascript:alert(1)", false],
    ["data:image/png;base64,AAAA", false],
    ["not a url", false],
  ])("%s → %s", (url, ok) => expect(isSafeUrl(url)).toBe(ok));
});
