import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { logger } from "@/lib/logger";

/**
 * PGlite data directories kept on disk between processes. Building a database (initdb and the
 * migrations, or the SQL console's 250,000-row dataset) takes seconds, a minute on a loaded
 * machine, and every test file, dev server and production server would repeat it; loading a kept
 * copy takes a fraction of that. A copy is named after a hash of everything that made it and of
 * PGlite's version, so a changed schema, dataset or PGlite never loads an old one.
 */

function pgliteVersion(): string {
  try {
    const manifest = path.join(
      process.cwd(),
      "node_modules",
      "@electric-sql",
      "pglite",
      "package.json",
    );
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** The file for a copy of `name` made from `inputs`, in `dir` (the system's temporary folder). */
export function keptSnapshotFile(
  name: string,
  inputs: readonly string[],
  dir: string = tmpdir(),
): string {
  const hash = createHash("sha256").update(pgliteVersion());
  for (const input of inputs) hash.update("\0").update(input);
  return path.join(dir, `bmj-${name}-${hash.digest("hex").slice(0, 16)}.tar`);
}

/** The kept copy's bytes, or undefined when there is none. */
export function readKeptSnapshot(file: string): ArrayBuffer | undefined {
  try {
    const bytes = readFileSync(file);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } catch {
    return undefined;
  }
}

/** Keeps a copy; written aside and renamed, so another process never reads half a file. */
export function keepSnapshot(file: string, snapshot: ArrayBuffer | Uint8Array): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, snapshot instanceof Uint8Array ? snapshot : new Uint8Array(snapshot));
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    logger.warn({ err: error, file }, "could not keep a database snapshot");
  }
}

/** Drops a copy that did not load. */
export function dropKeptSnapshot(file: string): void {
  rmSync(file, { force: true });
}
