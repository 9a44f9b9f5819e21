import { describe, expect, it } from "vitest";
import { XSS_PAYLOADS } from "@/e2e/fixtures/xss-corpus";
import { renderMarkdown } from "./markdown";

/**
 * The article body is the one field rendered as HTML, so it is the one that must survive the
 * whole corpus on its own: after the sanitizer, nothing that can run is left. (The browser
 * checks in e2e/hostile-input.spec.ts cover every other field as readers see it.)
 */
const FORBIDDEN_ELEMENTS = new Set(["script", "iframe", "object", "embed", "base", "meta", "link", "style", "form", "button", "input", "svg", "math", "template", "frame", "frameset", "applet"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "cite", "background"]);

/**
 * The elements and attributes in rehype-stringify's output. It always writes attributes as
 * name="value" with `"` and `<` inside values and text encoded, so this reads its tags exactly.
 */
function elements(html: string): { name: string; attributes: [string, string][] }[] {
  const found: { name: string; attributes: [string, string][] }[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attributes = [...tag[2].matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map(
      (a) => [a[1].toLowerCase(), decode(a[2] ?? "")] as [string, string],
    );
    found.push({ name: tag[1].toLowerCase(), attributes });
  }
  return found;
}

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function problems(html: string): string[] {
  const found: string[] = [];
  for (const el of elements(html)) {
    if (FORBIDDEN_ELEMENTS.has(el.name)) found.push(`<${el.name}>`);
    for (const [name, value] of el.attributes) {
      if (name.startsWith("on")) found.push(`${el.name}[${name}]`);
      if (name === "style" || name === "srcdoc") found.push(`${el.name}[${name}]`);
      // Browsers strip whitespace and control characters before reading the scheme.
      const scheme = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data):/.test(scheme)) found.push(`${el.name}[${name}=${value}]`);
    }
  }
  return found;
}

describe("the Markdown pipeline against the XSS corpus", () => {
  it("has at least 30 payloads", () => expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30));

  it.each(XSS_PAYLOADS.map((p, i) => [i + 1, p]))("payload %i leaves nothing executable", (_n, payload) => {
    for (const source of [payload, `Before.\n\n${payload}\n\nAfter.`, `> ${payload}`, `- ${payload}`, `# ${payload}`, `| a |\n|---|\n| ${payload} |`]) {
      const html = renderMarkdown(source);
      expect(problems(html), html).toEqual([]);
    }
  });

  it("the checker itself sees what it must refuse", () => {
    expect(problems('<p><img src="x" onerror="a"><a href=" JaVa&#x0A;script:x">y</a><script>z</script></p>')).toEqual([
      "img[onerror]",
      "a[href= JaVa\nscript:x]",
      "<script>",
    ]);
    expect(problems("<p>&#x3C;img src=x onerror=y></p>")).toEqual([]);
  });

  it("keeps the text of a payload readable rather than dropping the paragraph", () => {
    expect(renderMarkdown("Say <script>x</script> hello")).toContain("hello");
    expect(renderMarkdown("[click](javascript:alert(1))")).toContain("click");
  });
});
