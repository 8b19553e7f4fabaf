import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Makes a data folder readable by its owner only: folders 0700, files 0600. PGlite writes its
 * files 0666 and keeps doing so for new ones, so this runs at every start; the 0700 folder is
 * what keeps later files private in between. Returns how many entries it had to tighten.
 */
export function securePrivateTree(root: string): number {
  mkdirSync(root, { recursive: true, mode: PRIVATE_DIR });
  let fixed = 0;
  const visit = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? PRIVATE_DIR : PRIVATE_FILE;
    if ((st.mode & 0o777) !== want) {
      chmodSync(path, want);
      fixed++;
    }
    if (st.isDirectory()) for (const e of readdirSync(path)) visit(join(path, e));
  };
  visit(root);
  return fixed;
}

/** Entries under `root` that anyone but the owner can read, write or enter. */
export function exposedEntries(root: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) out.push(path);
    if (st.isDirectory()) for (const e of readdirSync(path)) visit(join(path, e));
  };
  visit(root);
  return out;
}
