import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The installed package's directory (where package.json and .triagerc.example.json live). Found by walking up
 * from this module rather than by a fixed `../..`, because the module sits at different depths in src/ (tests)
 * and in the bundled dist/ (chunks are flat).
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('triage: cannot find its own package.json');
    dir = parent;
  }
}

export function packageFile(name: string): string {
  return join(packageRoot(), name);
}
