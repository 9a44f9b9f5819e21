import { validateAdsTxt } from "@/lib/ads/ads-txt";

/**
 * ads.txt text as editors maintain it. `adsTxtProblems` is the one place that decides whether a
 * text may be saved; the settings form shows each problem beside the field, with its line
 * number. Each line must also follow the IAB format (lib/ads/ads-txt.ts): records
 * `domain, account id, DIRECT|RESELLER[, certification id]`, comments and variables.
 */
export type AdsTxtProblem = { line: number; message: string };

export const ADS_TXT_MAX_BYTES = 64 * 1024;
const MAX_LINE_LENGTH = 1024;

/** CRLF/CR become LF; trailing whitespace per line and at the end is dropped. */
export function normalizeAdsTxt(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

export function adsTxtProblems(text: string): AdsTxtProblem[] {
  const problems: AdsTxtProblem[] = [];
  if (new TextEncoder().encode(text).length > ADS_TXT_MAX_BYTES) {
    return [{ line: 0, message: `ads.txt may be at most ${ADS_TXT_MAX_BYTES / 1024} KB.` }];
  }
  text.split("\n").forEach((line, i) => {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(line)) {
      problems.push({ line: i + 1, message: "contains a control character." });
    } else if (line.length > MAX_LINE_LENGTH) {
      problems.push({ line: i + 1, message: `is longer than ${MAX_LINE_LENGTH} characters.` });
    }
  });
  const flagged = new Set(problems.map((p) => p.line));
  for (const p of validateAdsTxt(text).problems) {
    if (flagged.has(p.line)) continue;
    const shown = p.text.length > 60 ? `${p.text.slice(0, 57)}…` : p.text;
    problems.push({ line: p.line, message: `(${shown}): ${p.message}` });
  }
  return problems.sort((a, b) => a.line - b.line);
}

export function formatAdsTxtProblem(problem: AdsTxtProblem): string {
  return problem.line > 0 ? `Line ${problem.line} ${problem.message}` : problem.message;
}
