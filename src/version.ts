import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

/** Read once from package.json, next to dist/ in the installed package. */
export function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
