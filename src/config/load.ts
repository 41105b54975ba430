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
  const explorer = cosmiconfig(CONFIG_MODULE, { searchPlaces: CONFIG_SEARCH_PLACES, searchStrategy: 'none', cache: false });
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
    // cosmiconfig says "JSON Error in <file>:\n<detail>"; keep the file and the first line of the detail.
    const parsed = /^(?:JSON|YAML) Error in (.+?):\n([^\n]*)/.exec(err.message ?? '');
    const where = parsed?.[1] ?? options.explicitPath ?? 'the config file';
    const detail = (parsed?.[2] ?? firstLine(err.message ?? 'unknown error')).slice(0, 200);
    throw new ConfigError(`Config ${where} could not be parsed: ${detail}`, {
      hint: 'Fix the syntax; `triage doctor` checks the config.',
    });
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

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
