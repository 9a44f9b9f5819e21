"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { suggestTagsAction } from "@/app/admin/articles/actions";
import { slugify } from "@/lib/slug";

type Chip = { value: string; label: string; isNew: boolean };
type Suggestion = { id: number; name: string };

const toChip = (t: { id: number; name: string }): Chip => ({ value: `id:${t.id}`, label: t.name, isNew: false });

/**
 * Tags in order: pick existing ones from suggestions as you type, or press Enter (or a comma) to
 * add a new one. Each chosen tag is sent as a hidden `tags` field: `id:12` or `new:Name`.
 */
export function ArticleTagsInput({
  input,
  initial,
}: {
  input: { id: string; "aria-invalid"?: true; "aria-describedby"?: string };
  initial: { id: number; name: string }[];
}) {
  const [chips, setChips] = useState<Chip[]>(() => initial.map(toChip));
  const [text, setText] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const lastQuery = useRef("");

  useEffect(() => {
    const q = text.trim();
    lastQuery.current = q;
    if (!q) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(async () => {
      try {
        const found = await suggestTagsAction(q);
        if (lastQuery.current === q) {
          setSuggestions(found);
          setActive(-1);
        }
      } catch {
        setSuggestions([]);
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [text]);

  const chosen = new Set(chips.map((c) => slugify(c.label)));
  const visible = suggestions.filter((s) => !chosen.has(slugify(s.name)));

  function add(chip: Chip) {
    if (!slugify(chip.label) || chosen.has(slugify(chip.label))) return;
    setChips((cs) => [...cs, chip]);
    setText("");
    setSuggestions([]);
    setActive(-1);
  }

  function addTyped() {
    const name = text.trim().replace(/\s+/g, " ");
    if (!name) return;
    const match = suggestions.find((s) => slugify(s.name) === slugify(name));
    add(match ? toChip(match) : { value: `new:${name}`, label: name, isNew: true });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && visible.length) {
      e.preventDefault();
      setActive((i) => (i + 1) % visible.length);
    } else if (e.key === "ArrowUp" && visible.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? visible.length - 1 : i - 1));
    } else if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      if (active >= 0 && visible[active]) add(toChip(visible[active]));
      else addTyped();
    } else if (e.key === "Escape") {
      setSuggestions([]);
    } else if (e.key === "Backspace" && text === "" && chips.length) {
      setChips((cs) => cs.slice(0, -1));
    }
  }

  function move(index: number, by: -1 | 1) {
    setChips((cs) => {
      const next = [...cs];
      const [chip] = next.splice(index, 1);
      next.splice(index + by, 0, chip);
      return next;
    });
  }

  return (
    <div className="tags-input">
      <ul className="tag-chips" aria-label="Chosen tags">
        {chips.map((chip, i) => (
          <li key={chip.value} className={chip.isNew ? "tag-chip new" : "tag-chip"}>
            <input type="hidden" name="tags" value={chip.value} />
            <span>{chip.label}</span>
            {chip.isNew ? <span className="badge">new</span> : null}
            {i > 0 ? (
              <button type="button" aria-label={`Move ${chip.label} earlier`} onClick={() => move(i, -1)}>
                ←
              </button>
            ) : null}
            <button type="button" aria-label={`Remove tag ${chip.label}`} onClick={() => setChips((cs) => cs.filter((c) => c !== chip))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="combobox">
        <input
          {...input}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={visible.length > 0}
          aria-controls={listId}
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setSuggestions([]), 150)}
          placeholder="Type a tag, then Enter"
        />
        {visible.length > 0 ? (
          <ul id={listId} role="listbox" className="combobox-list" aria-label="Matching tags">
            {visible.map((s, i) => (
              <li
                key={s.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(toChip(s));
                }}
              >
                {s.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
