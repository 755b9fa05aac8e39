import { existsSync, realpathSync, renameSync, rmSync, statSync } from "fs";
import { dirname, resolve } from "path";
import { UsageError } from "./args";

/** What an operating-system error code means, in words, for a one-line message. */
const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EEXIST: "it already exists",
  EMFILE: "too many files are open",
  EBUSY: "it is in use",
};

/** An I/O error as one line naming the path and the reason, for exit code 2. */
export function ioProblem(what: string, path: string, error: unknown): UsageError {
  const code = (error as { code?: string } | null)?.code;
  const reason = (code && REASONS[code]) ?? (error as Error)?.message ?? String(error);
  return new UsageError(`cannot ${what} ${path}: ${reason}${code ? ` (${code})` : ""}`);
}

/**
 * Refuses an --out that would write over the input: the same path, a symbolic link to it, or a
 * hard link to it (same device and inode), and an --out whose folder does not exist or that is a
 * folder. The input is never written.
 */
export function checkOutput(out: string, input: string): void {
  if (resolve(out) === resolve(input)) throw new UsageError("--out must name a new file: the input workbook is never written");
  const same = () => new UsageError(`--out must name a new file: ${out} is a link to the input workbook, which is never written`);
  const folder = dirname(resolve(out));
  if (!existsSync(folder)) throw new UsageError(`cannot write ${out}: the folder ${folder} does not exist`);
  let target: ReturnType<typeof statSync> | undefined;
  try {
    target = statSync(out);
  } catch {
    target = undefined;
  }
  if (!target) return;
  if (target.isDirectory()) throw new UsageError(`cannot write ${out}: it is a directory`);
  // A device or a pipe (/dev/null) would be replaced by the finished file, not written through.
  if (!target.isFile()) throw new UsageError(`cannot write ${out}: it is not an ordinary file (a device or a pipe); name a new file`);
  const source = statSync(input);
  if ((target.dev === source.dev && target.ino === source.ino) || realpathSync(out) === realpathSync(input)) throw same();
}

/** Ctrl-C, a termination and a closed terminal: each stops a run and removes its partial files. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** The exit code of a run stopped by a signal, as a shell reports it (128 + the signal's number). */
export const signalExitCode = (signal: NodeJS.Signals): number =>
  128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal];

/** Removes the `.partial` files of `outs`: only files a run wrote (a folder of that name in the way is the user's). */
export function removePartials(outs: readonly string[]): void {
  for (const out of outs) {
    const partial = `${out}.partial`;
    if (existsSync(partial) && statSync(partial).isFile()) rmSync(partial);
  }
}

/**
 * Writes a file by writing `OUT.partial` first and renaming it when complete, so a failure or an
 * interrupt never leaves a truncated OUT; Ctrl-C, a termination or a closed terminal (SIGINT,
 * SIGTERM, SIGHUP) removes the partial file.
 * I/O errors become one line naming the path.
 */
export async function writeAtomically(out: string, write: (partial: string) => Promise<void> | void): Promise<void> {
  await writeAllAtomically([out], ([partial]) => write(partial));
}

/**
 * Writes several files as one: each to its `.partial`, and only when every one is complete are
 * they renamed, so a failure part-way (a full disk on the last file) leaves none of them, old or
 * new half. Ctrl-C or a termination removes the partial files. An I/O error is one line naming the
 * file it was writing.
 */
export async function writeAllAtomically(outs: readonly string[], write: (partials: string[]) => Promise<void> | void): Promise<void> {
  const partials = outs.map((out) => `${out}.partial`);
  const cleanUp = () => removePartials(outs);
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signalExitCode(signal));
  };
  // (Signals reach only the main thread: a worker writing these files leaves them to it, cycleThread.ts.)
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  try {
    for (const [i, partial] of partials.entries()) {
      // A partial file left by a run the machine stopped is replaced; anything else in the way is named.
      const there = existsSync(partial) ? statSync(partial) : undefined;
      if (there && !there.isFile()) throw new UsageError(`cannot write ${outs[i]}: ${partial} is in the way (not a file); remove it`);
    }
    await write(partials);
    partials.forEach((partial, i) => renameSync(partial, outs[i]));
  } catch (error) {
    cleanUp();
    if (error instanceof UsageError) throw error;
    const e = error as { code?: string; path?: string };
    if (e.code) throw ioProblem("write", outs[Math.max(0, partials.indexOf(e.path ?? ""))], error);
    throw error;
  } finally {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
  }
}
