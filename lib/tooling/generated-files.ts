/**
 * Generated files committed to the repository (monitoring and deployment exports): write them,
 * or list the ones whose content on disk is missing or differs from the generated output.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export function staleFiles(files: Record<string, string>, root: string): string[] {
  return Object.entries(files)
    .filter(([path, content]) => {
      try {
        return readFileSync(resolve(root, path), "utf8") !== content;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

export function writeFiles(files: Record<string, string>, root: string): string[] {
  return Object.entries(files).map(([path, content]) => {
    const abs = resolve(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return path;
  });
}
