import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

export const CONFIG_MODULE = 'triage';

/**
 * Where a config may live. JSON and YAML only: a config file must never execute code, so cosmiconfig's
 * JavaScript and TypeScript loaders are deliberately absent.
 */
export const CONFIG_SEARCH_PLACES = [
  'package.json',
  '.triagerc',
  '.triagerc.json',
  '.triagerc.yaml',
  '.triagerc.yml',
  '.config/triagerc',
  '.config/triagerc.json',
  '.config/triagerc.yaml',
  '.config/triagerc.yml',
];

/** In the user's config directory, under `triage/`. */
export const USER_CONFIG_PLACES = ['config.json', 'config.yaml', 'config.yml'];

export interface SearchOptions {
  cwd: string;
  home?: string;
  userConfigDir?: string;
}

export function noConfigFound(): ConfigError {
  return new ConfigError('No triage config found (looked for .triagerc.json, .triagerc.yaml and package.json#triage from here up to your home directory, and triage/config.json in your config directory)', {
    hint: 'Copy .triagerc.example.json to .triagerc.json and edit it, or pass --config <path>; try `--sandbox` to practise without one.',
  });
}

/**
 * Whether the search could find anything: a few stat calls, so a command whose config is optional (`redact`)
 * loads neither cosmiconfig nor the schema when there is none. Errs towards "maybe": a package.json counts
 * when its text mentions "triage" at all, and the real search then decides.
 */
export function mayHaveConfig(options: SearchOptions): boolean {
  for (const dir of ancestors(options.cwd, options.home)) {
    for (const place of CONFIG_SEARCH_PLACES) {
      const path = join(dir, place);
      if (!existsSync(path)) continue;
      if (place !== 'package.json') return true;
      try {
        if (readFileSync(path, 'utf8').includes(`"${CONFIG_MODULE}"`)) return true;
      } catch {
        return true;
      }
    }
  }
  if (!options.userConfigDir) return false;
  return USER_CONFIG_PLACES.some((place) => existsSync(join(options.userConfigDir as string, CONFIG_MODULE, place)));
}

/** cwd, its parent, ... up to and including `stop` (or the filesystem root). */
export function ancestors(cwd: string, stop: string | undefined): string[] {
  const dirs: string[] = [];
  let dir = resolve(cwd);
  const end = stop ? resolve(stop) : undefined;
  for (;;) {
    dirs.push(dir);
    if (dir === end) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirs;
}
