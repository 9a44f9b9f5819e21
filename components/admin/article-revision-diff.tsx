import { diffLines, diffWords, type ChangeObject } from "diff";

function Parts({ parts }: { parts: ChangeObject<string>[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>,
      )}
    </>
  );
}

/** One field, revision → current: removed text struck through, added text underlined. */
export function ArticleFieldDiff({ label, from, to, lines = false }: { label: string; from: string; to: string; lines?: boolean }) {
  const same = from === to;
  return (
    <div className="diff-field">
      <h3>
        {label} {same ? <span className="muted small">(unchanged)</span> : null}
      </h3>
      <pre className={lines ? "diff diff-lines" : "diff"}>{same ? from || "—" : <Parts parts={lines ? diffLines(from, to) : diffWords(from, to)} />}</pre>
    </div>
  );
}
