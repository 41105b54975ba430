import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { configSchema } from './schema.js';
import { resolveConfig, type TriageConfig } from './config.js';
import { ancestors, CONFIG_MODULE, CONFIG_SEARCH_PLACES, noConfigFound, USER_CONFIG_PLACES } from './search-places.js';

export { CONFIG_MODULE, CONFIG_SEARCH_PLACES };

const ALLOWED_EXTENSIONS = new Set(['', '.json', '.yaml', '.yml']);

export interface LoadConfigOptions {
  cwd: string;
  /** `--config <path>`; when given, no search happens. */
  explicitPath?: string;
  /** The user's home, where the upward search stops. */
  home?: string;
  /** The user's config directory (XDG_CONFIG_HOME or the platform's), searched last for `triage/config.{json,yaml}`. */
  userConfigDir?: string;
}

/** Finds, parses and validates the config. Every failure names the file, the field and what was expected. */
export async function loadConfig(options: LoadConfigOptions): Promise<TriageConfig> {
  // cosmiconfig is CommonJS: Node gives it named exports, the bundle only a default; take whichever is there.
  const cosmiconfigModule: typeof import('cosmiconfig') & { default?: typeof import('cosmiconfig') } = await import('cosmiconfig');
  const { cosmiconfig } = cosmiconfigModule.default ?? cosmiconfigModule;
  // searchStrategy 'none' and our own walk: cosmiconfig's 'global' strategy would also look for .js files
  // in the global config folder, and a config must never run code.
  // An empty .triagerc.json is a mistake to name, not a file to look past.
  const explorer = cosmiconfig(CONFIG_MODULE, { searchPlaces: CONFIG_SEARCH_PLACES, searchStrategy: 'none', cache: false, ignoreEmptySearchPlaces: false });
  const userExplorer = cosmiconfig(CONFIG_MODULE, {
    searchPlaces: USER_CONFIG_PLACES,
    searchStrategy: 'none',
    cache: false,
  });

  let result: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    if (options.explicitPath) {
      if (!ALLOWED_EXTENSIONS.has(extname(options.explicitPath).toLowerCase())) {
        throw new ConfigError(`Config ${options.explicitPath}: only JSON and YAML config files are supported (.json, .yaml, .yml)`, {
          hint: 'Config files must not execute code; convert it to .triagerc.json.',
        });
      }
      result = await explorer.load(options.explicitPath);
    } else {
      result = null;
      for (const dir of ancestors(options.cwd, options.home)) {
        result = await explorer.search(dir);
        if (result) break;
      }
      if (!result && options.userConfigDir) result = await userExplorer.search(join(options.userConfigDir, CONFIG_MODULE));
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      throw new ConfigError(`Config file not found: ${options.explicitPath ?? err.path ?? ''}`, {
        hint: 'Check the --config path.',
      });
    }
    if (err.code === 'EISDIR') throw new ConfigError(`Config ${options.explicitPath ?? err.path ?? ''} is a directory, not a file`, { hint: 'Pass the config file itself to --config.' });
    if (err.code === 'EACCES' || err.code === 'EPERM') {
      throw new ConfigError(`Config ${options.explicitPath ?? err.path ?? ''} cannot be read (permission denied)`, { hint: 'Check the file\'s permissions (`ls -l`).' });
    }
    throw await syntaxError(err, options.explicitPath);
  }

  if (!result) throw noConfigFound();
  if (result.isEmpty) throw new ConfigError(`Config ${result.filepath} is empty`, { hint: 'See .triagerc.example.json.' });
  return parseConfig(result.config, result.filepath);
}

/** Validates an already-read config object. */
export function parseConfig(raw: unknown, source: string): TriageConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => {
      const path = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
      return `  ${path}: ${describeIssue(issue)}`;
    });
    const more = parsed.error.issues.length > 10 ? `\n  ... and ${parsed.error.issues.length - 10} more` : '';
    throw new ConfigError(`Invalid config ${source}:\n${lines.join('\n')}${more}`, {
      hint: 'See the configuration reference in README.md and .triagerc.example.json.',
    });
  }
  return resolveConfig(parsed.data, source);
}

function describeIssue(issue: { code: string; message: string }): string {
  const keys = (issue as { keys?: unknown }).keys;
  if (issue.code === 'unrecognized_keys' && Array.isArray(keys)) return `unknown field(s) ${keys.map((k) => `"${String(k)}"`).join(', ')}`;
  return issue.message;
}

/**
 * cosmiconfig says "JSON Error in <file>:\n<detail>" (or YAML); the engineer gets `<file>:<line>:<column>`, the
 * parser's reason without the text it quotes, and the offending line with a caret under the column.
 */
async function syntaxError(err: NodeJS.ErrnoException & { mark?: { line?: number; column?: number } }, explicitPath: string | undefined): Promise<ConfigError> {
  const message = err.message ?? '';
  const parsed = /^(JSON|YAML) Error in (.+?):\n([\s\S]*)$/.exec(message);
  const file = parsed?.[2] ?? (err as { filepath?: string }).filepath ?? explicitPath ?? 'the config file';
  const detail = parsed?.[3] ?? message;
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = undefined;
  }
  let line: number | undefined;
  let column: number | undefined;
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(detail) ?? /\((\d+):(\d+)\)/.exec(detail);
  if (lineCol) {
    line = Number(lineCol[1]);
    column = Number(lineCol[2]);
  } else if (typeof err.mark?.line === 'number') {
    line = err.mark.line + 1;
    column = (err.mark.column ?? 0) + 1;
  } else {
    const position = /at position (\d+)/.exec(detail);
    if (position && text !== undefined) ({ line, column } = lineColumnAt(text, Number(position[1])));
  }
  if (line === undefined && /Unexpected end of JSON input/i.test(detail) && text !== undefined) ({ line, column } = lineColumnAt(text, text.length));
  const reason = firstLine(detail)
    .replace(/\s*while parsing[\s\S]*$/, '')
    .replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, '')
    .replace(/\s*\(\d+:\d+\)$/, '')
    .trim()
    .slice(0, 160);
  const where = line !== undefined ? `${file}:${line}:${column}` : file;
  const source = line !== undefined && text !== undefined ? text.split(/\r?\n/)[line - 1] : undefined;
  const excerpt = source !== undefined && source.length <= 200 ? `\n  ${line} | ${source}\n  ${' '.repeat(String(line).length)} | ${' '.repeat(Math.max(0, (column ?? 1) - 1))}^` : '';
  return new ConfigError(`Config ${where}: syntax error: ${reason || 'the file could not be parsed'}${excerpt}`, {
    hint: `Fix the ${parsed?.[1] ?? 'file'} syntax at that line (a trailing comma or a missing quote is the usual cause); \`triage doctor\` checks the config.`,
  });
}

function lineColumnAt(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
