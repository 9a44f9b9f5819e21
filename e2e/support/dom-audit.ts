import type { Page } from "@playwright/test";

/**
 * Everything in the live DOM that could run code or load foreign active content, other than
 * what the site itself puts there: Next's own scripts (files from /_next/static/ and its inline
 * page-data bootstrap), JSON-LD that parses as JSON, and ad creatives in sandboxed frames
 * served from /ads/…/creative without allow-same-origin.
 */
export async function auditDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${[...el.attributes].map((a) => ` ${a.name}="${a.value.slice(0, 60)}"`).join("")}>`;
    const NEXT_INLINE = [/^\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)\.push\(/, /^self\.__next_f\.push\(/, /^\(globalThis\["TURBOPACK"\]/, /^\$RC\(|^\$RS\(|^\$RX\(/];
    for (const script of document.querySelectorAll("script")) {
      const src = script.getAttribute("src");
      const type = (script.getAttribute("type") ?? "").toLowerCase();
      if (src !== null) {
        const url = new URL(src, location.href);
        if (url.origin !== location.origin || !url.pathname.startsWith("/_next/static/")) problems.push(`foreign script ${describe(script)}`);
        continue;
      }
      if (type === "application/ld+json") {
        try {
          JSON.parse(script.textContent ?? "");
        } catch {
          problems.push(`JSON-LD that does not parse (broken out of?): ${(script.textContent ?? "").slice(0, 120)}`);
        }
        continue;
      }
      const text = (script.textContent ?? "").trim();
      if (!NEXT_INLINE.some((re) => re.test(text)) || script.closest("svg, math, article, .article-body")) {
        problems.push(`inline script ${describe(script)} ${text.slice(0, 80)}`);
      }
    }
    const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite"];
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith("on")) problems.push(`event handler ${describe(el)}`);
        if (name === "srcdoc") problems.push(`srcdoc ${describe(el)}`);
        if (URL_ATTRIBUTES.includes(name)) {
          const scheme = attr.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
          if (/^(javascript|vbscript):/.test(scheme)) problems.push(`script URL ${describe(el)}`);
          if (scheme.startsWith("data:") && !(el.tagName === "IMG" && name === "src" && scheme.startsWith("data:image/") && !scheme.startsWith("data:image/svg"))) {
            problems.push(`data: URL ${describe(el)}`);
          }
        }
      }
    }
    for (const el of document.querySelectorAll("object, embed, applet, base, frame, frameset, meta[http-equiv], link[rel~='import'], svg animate, svg set, svg script, math")) {
      problems.push(`forbidden element ${describe(el)}`);
    }
    for (const frame of document.querySelectorAll("iframe")) {
      const src = new URL(frame.getAttribute("src") ?? "about:blank", location.href);
      const sandbox = frame.getAttribute("sandbox");
      const isAdFrame = src.origin === location.origin && /^\/ads\/[^/]+\/creative$/.test(src.pathname) && sandbox !== null && !sandbox.split(/\s+/).includes("allow-same-origin");
      if (!isAdFrame) problems.push(`iframe ${describe(frame)}`);
    }
    // Styles may come from this site's stylesheets only.
    for (const style of document.querySelectorAll("body style")) problems.push(`style element ${describe(style)}`);
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) problems.push(`window.__pwned = ${String((window as unknown as { __pwned?: unknown }).__pwned)}`);
    return problems;
  });
}
