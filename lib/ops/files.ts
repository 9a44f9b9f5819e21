import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Flushes a file or directory entry to disk, so a rename that follows survives a power cut. */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Regular files under `dir`, as sorted POSIX-style relative paths (symlinks are not followed). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk("");
  return out.sort();
}

export type FileEntry = { path: string; bytes: number; sha256: string };

/** Copies every regular file under `from` to `to`, returning what was copied with checksums. */
export async function copyTree(from: string, to: string): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  fs.mkdirSync(to, { recursive: true });
  for (const rel of listFiles(from)) {
    const target = path.join(to, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(from, rel), target);
    entries.push({ path: rel, bytes: fs.statSync(target).size, sha256: await sha256File(target) });
  }
  return entries;
}

export function removeIfExists(file: string): void {
  fs.rmSync(file, { force: true, recursive: true });
}
