/**
 * Finds where the top-level paragraphs of rendered article HTML end, so an ad can be placed
 * "after paragraph N" without ever cutting into an element: a split only happens at depth 0,
 * right after a `</p>` that closes a top-level `<p>`. Paragraphs nested in lists, quotes or
 * tables do not count. Unbalanced input yields fewer (or no) split points, never a broken one.
 */

const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
/** Elements whose content is text up to their closing tag: a `<p>` inside them is not markup. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

/** Offsets (in `html`) just after each top-level paragraph's closing tag, in order. */
export function topLevelParagraphEnds(html: string): number[] {
  const ends: number[] = [];
  // Open elements, innermost last; a split is only safe when this stack is empty.
  const stack: string[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    i = lt;
    if (html.startsWith("<!--", i)) {
      const close = html.indexOf("-->", i + 4);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (html[i + 1] === "!" || html[i + 1] === "?") {
      const close = html.indexOf(">", i + 2);
      i = close === -1 ? n : close + 1;
      continue;
    }
    const closing = html[i + 1] === "/";
    const nameMatch = /^[a-zA-Z][a-zA-Z0-9:-]*/.exec(html.slice(i + (closing ? 2 : 1), i + (closing ? 2 : 1) + 64));
    if (!nameMatch) {
      // A lone "<" in text.
      i += 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const tagEnd = endOfTag(html, i + (closing ? 2 : 1) + nameMatch[0].length);
    if (tagEnd === -1) break; // truncated tag: stop, keep what is known to be safe
    const selfClosing = !closing && html[tagEnd - 2] === "/";
    i = tagEnd;

    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at === -1) continue; // stray close tag: ignore
      const closesTopLevelParagraph = at === 0 && name === "p";
      stack.length = at;
      if (closesTopLevelParagraph && stack.length === 0) ends.push(i);
      continue;
    }
    if (VOID_ELEMENTS.has(name) || selfClosing) continue;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      if (close === -1) break;
      const after = endOfTag(html, close + 2 + name.length);
      if (after === -1) break;
      i = after;
      continue;
    }
    // A <p> cannot contain another block: an unclosed top-level <p> ends where the next block
    // starts (as browsers parse it). Sanitized output always closes them, so this is a guard.
    if (name === "p" && stack.length === 1 && stack[0] === "p") {
      stack.length = 0;
      ends.push(lt);
    }
    stack.push(name);
  }
  return ends;
}

/** Index just past the `>` that ends a tag whose attributes start at `from` (quotes respected). */
function endOfTag(html: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return j + 1;
    }
  }
  return -1;
}

export function countTopLevelParagraphs(html: string): number {
  return topLevelParagraphEnds(html).length;
}

export type BodySegment = {
  html: string;
  /** The paragraph (from 1) this segment ends with, when ads follow it; null for the rest. */
  afterParagraph: number | null;
};

/**
 * Cuts `html` after each requested paragraph (1-based). Paragraph numbers past the end of the
 * body, or not whole numbers ≥ 1, are ignored. Joining the segments' html gives back the input.
 */
export function splitAfterParagraphs(html: string, paragraphs: Iterable<number>): BodySegment[] {
  const ends = topLevelParagraphEnds(html);
  const wanted = [...new Set(paragraphs)]
    .filter((p) => Number.isInteger(p) && p >= 1 && p <= ends.length)
    .sort((a, b) => a - b);
  const segments: BodySegment[] = [];
  let from = 0;
  for (const p of wanted) {
    const to = ends[p - 1];
    segments.push({ html: html.slice(from, to), afterParagraph: p });
    from = to;
  }
  segments.push({ html: html.slice(from), afterParagraph: null });
  return segments;
}
