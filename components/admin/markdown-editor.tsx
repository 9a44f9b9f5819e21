"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { previewMarkdownAction } from "@/app/admin/articles/actions";

type TextareaProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

type Edit = { value: string; start: number; end: number };

/** Wraps the selection (or a placeholder) in `before`…`after`, e.g. ** for bold. */
function wrap(value: string, start: number, end: number, before: string, after: string, placeholder: string): Edit {
  const selected = value.slice(start, end) || placeholder;
  const next = value.slice(0, start) + before + selected + after + value.slice(end);
  return { value: next, start: start + before.length, end: start + before.length + selected.length };
}

/** Puts `prefix` at the start of every line the selection touches (headings, quotes, lists). */
function prefixLines(value: string, start: number, end: number, prefix: string | ((i: number) => string)): Edit {
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = value.indexOf("\n", end) === -1 ? value.length : value.indexOf("\n", end);
  const lines = value.slice(lineStart, lineEnd).split("\n");
  const changed = lines.map((line, i) => (typeof prefix === "string" ? prefix : prefix(i)) + line.replace(/^(#{1,6} |> |- |\d+\. )/, "")).join("\n");
  const next = value.slice(0, lineStart) + changed + value.slice(lineEnd);
  return { value: next, start: lineStart, end: lineStart + changed.length };
}

const ACTIONS: { key: string; label: string; shortcut?: string; text: string; apply: (v: string, s: number, e: number) => Edit }[] = [
  { key: "bold", label: "Bold", shortcut: "b", text: "B", apply: (v, s, e) => wrap(v, s, e, "**", "**", "bold text") },
  { key: "italic", label: "Italic", shortcut: "i", text: "I", apply: (v, s, e) => wrap(v, s, e, "_", "_", "italic text") },
  { key: "heading", label: "Heading", text: "H", apply: (v, s, e) => prefixLines(v, s, e, "## ") },
  { key: "link", label: "Link", shortcut: "k", text: "Link", apply: (v, s, e) => wrap(v, s, e, "[", "](https://)", "link text") },
  { key: "quote", label: "Quote", text: "“ ”", apply: (v, s, e) => prefixLines(v, s, e, "> ") },
  { key: "list", label: "Bulleted list", text: "• List", apply: (v, s, e) => prefixLines(v, s, e, "- ") },
  { key: "numbered", label: "Numbered list", text: "1. List", apply: (v, s, e) => prefixLines(v, s, e, (i) => `${i + 1}. `) },
  { key: "image", label: "Image", text: "Image", apply: (v, s, e) => wrap(v, s, e, "![", "](https://)", "describe the image") },
];

const PREVIEW_DELAY_MS = 400;

/**
 * The body editor: Markdown with a toolbar and a live preview. The preview comes from the
 * server, through the same pipeline (lib/markdown.ts) the public article page uses, so what the
 * editor sees is what readers get.
 */
export function MarkdownEditor({
  textarea,
  defaultValue,
  label,
}: {
  textarea: TextareaProps;
  defaultValue: string;
  label: string;
}) {
  const [value, setValue] = useState(defaultValue);
  const [preview, setPreview] = useState<{ html?: string; error?: string; pending: boolean }>({ pending: true });
  const ref = useRef<HTMLTextAreaElement>(null);
  const pendingSelection = useRef<[number, number] | null>(null);

  useEffect(() => {
    let cancelled = false;
    setPreview((p) => ({ ...p, pending: true }));
    const timer = setTimeout(async () => {
      try {
        const result = await previewMarkdownAction(value);
        if (!cancelled) setPreview({ ...result, pending: false });
      } catch {
        if (!cancelled) setPreview({ error: "The preview could not be updated. Your text is safe; keep writing.", pending: false });
      }
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value]);

  useEffect(() => {
    const selection = pendingSelection.current;
    if (selection && ref.current) {
      ref.current.focus();
      ref.current.setSelectionRange(selection[0], selection[1]);
      pendingSelection.current = null;
    }
  }, [value]);

  function run(apply: (v: string, s: number, e: number) => Edit) {
    const el = ref.current;
    if (!el) return;
    const edit = apply(el.value, el.selectionStart, el.selectionEnd);
    pendingSelection.current = [edit.start, edit.end];
    setValue(edit.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const action = ACTIONS.find((a) => a.shortcut === event.key.toLowerCase());
    if (action) {
      event.preventDefault();
      run(action.apply);
    }
  }

  return (
    <div className="markdown-editor">
      <div className="markdown-toolbar" role="toolbar" aria-label={`${label} formatting`} aria-controls={textarea.id}>
        {ACTIONS.map((a) => (
          <button
            key={a.key}
            type="button"
            className={`md-${a.key}`}
            aria-label={a.label}
            title={a.shortcut ? `${a.label} (Ctrl+${a.shortcut.toUpperCase()})` : a.label}
            onClick={() => run(a.apply)}
          >
            {a.text}
          </button>
        ))}
      </div>
      <div className="markdown-panes">
        <textarea
          {...textarea}
          ref={ref}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          rows={22}
          spellCheck
        />
        <section className="markdown-preview" aria-label="Preview" aria-busy={preview.pending}>
          <h3 className="markdown-preview-title">Preview</h3>
          {preview.error ? (
            <p className="field-error">{preview.error}</p>
          ) : (
            // Sanitized on the server by the public rendering pipeline.
            <div className="article-body" data-testid="markdown-preview" dangerouslySetInnerHTML={{ __html: preview.html ?? "" }} />
          )}
        </section>
      </div>
    </div>
  );
}
