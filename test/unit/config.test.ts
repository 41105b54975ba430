import { mkdtemp, writeFile, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { DEFAULT_RUBRIC } from '../../src/core/rubric.js';

const minimal = {
  routing: { default: { linear: { team: 'SUP' }, github: { repo: 'acme/app' } } },
};

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'triage-config-'));
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config validation', () => {
  it('fills every default from a minimal config', () => {
    const config = parseConfig(minimal, 'x.json');
    expect(config.rubric).toEqual(DEFAULT_RUBRIC);
    expect(config.linear.states).toEqual({ prioritized: 'Todo', backlog: 'Backlog' });
    expect(config.eta.businessDays).toEqual({ urgent: 1, high: 5, medium: 10, low: 20 });
    expect(config.routing.routes).toEqual([]);
    expect(config.templates.githubBody).toContain('{{linearIdentifier}}');
  });

  // README promises defaults for what a config leaves out, at every depth.
  it.each([
    ['pylon.priorityField without values', { pylon: { priorityField: { slug: 'prio' } } }, (c: ReturnType<typeof parseConfig>) => expect(c.pylon.priorityField).toEqual({ slug: 'prio', values: { urgent: 'urgent', high: 'high', medium: 'medium', low: 'low' } })],
    ['pylon.priorityField.values partly', { pylon: { priorityField: { values: { urgent: 'p0' } } } }, (c: ReturnType<typeof parseConfig>) => expect(c.pylon.priorityField).toEqual({ slug: 'priority', values: { urgent: 'p0', high: 'high', medium: 'medium', low: 'low' } })],
    ['eta.businessDays partly', { eta: { businessDays: { high: 3 } } }, (c: ReturnType<typeof parseConfig>) => expect(c.eta.businessDays).toEqual({ urgent: 1, high: 3, medium: 10, low: 20 })],
    ['eta without businessDays', { eta: { holidays: ['2026-12-25'] } }, (c: ReturnType<typeof parseConfig>) => expect(c.eta).toMatchObject({ businessDays: { urgent: 1, high: 5, medium: 10, low: 20 }, weekend: [0, 6] })],
    ['linear.states partly', { linear: { states: { prioritized: 'Doing' } } }, (c: ReturnType<typeof parseConfig>) => expect(c.linear.states).toEqual({ prioritized: 'Doing', backlog: 'Backlog' })],
    ['pylon.sync partly', { pylon: { sync: { since: '2w' } } }, (c: ReturnType<typeof parseConfig>) => expect(c.pylon.sync).toEqual({ sourceOfTruth: 'pylon', since: '2w', concurrency: 4, pageSize: 999 })],
    ['pylon with region only', { pylon: { region: 'eu' } }, (c: ReturnType<typeof parseConfig>) => expect(c.pylon).toMatchObject({ region: 'eu', priorityField: { slug: 'priority' }, sync: { concurrency: 4 } })],
    ['templates partly', { templates: { customerUpdate: { done: 'Fixed: {{title}}' } } }, (c: ReturnType<typeof parseConfig>) => expect(c.templates.customerUpdate.done).toBe('Fixed: {{title}}')],
  ])('a partial override merges with the defaults: %s', (_name, partial, check) => {
    check(parseConfig({ ...minimal, ...partial }, 'x.json'));
  });

  it('a partial override still checks what it gives', () => {
    expect(configError(() => parseConfig({ ...minimal, eta: { businessDays: { high: -1 } } }, 'x.json')).message).toContain('eta.businessDays.high');
    expect(configError(() => parseConfig({ ...minimal, pylon: { priorityField: { values: { urgent: 'high' } } } }, 'x.json')).message).toContain('each priority needs its own Pylon option');
  });

  it('accepts the committed example', async () => {
    const example = JSON.parse(await readFile(new URL('../../.triagerc.example.json', import.meta.url), 'utf8'));
    const config = parseConfig(example, '.triagerc.example.json');
    expect(config.routing.routes.map((r) => r.name)).toEqual(['exports', 'billing']);
  });

  it.each([
    [{ routing: { default: { linear: { team: 'SUP' }, github: { repo: 'not-a-repo' } } } }, 'routing.default.github.repo: must be "owner/name"'],
    [{}, 'routing:'],
    [{ ...minimal, colour: 'blue' }, '(top level): unknown field(s) "colour"'],
    [{ ...minimal, rubric: { impacts: [{ value: 'x', meaning: 'm', priority: 'critical' }] } }, 'rubric.impacts.0.priority'],
    [{ ...minimal, rubric: { impacts: [{ value: 'a', meaning: 'm', priority: 'low' }, { value: 'a', meaning: 'n', priority: 'low' }] } }, 'duplicate impact value "a"'],
    [{ ...minimal, templates: { githubBody: '{{#steps}} unclosed' } }, 'templates.githubBody: is not a valid template'],
    [{ ...minimal, eta: { weekend: [0, 1, 2, 3, 4, 5, 6] } }, 'eta.weekend: must leave at least one working day'],
    [{ ...minimal, eta: { timeZone: 'Mars/Olympus' } }, 'eta.timeZone: must be an IANA time zone'],
    [{ ...minimal, redaction: { extraPatterns: [{ kind: 'x', pattern: '(' }] } }, 'redaction.extraPatterns.0.pattern: is not a valid regular expression'],
    [{ routing: { ...minimal.routing, routes: [{ name: 'r', match: {} }] } }, 'routing.routes.0.match: match must name at least one'],
    [{ routing: { ...minimal.routing, onCall: { linear: 'dana' } } }, 'routing.onCall.linear: must be an email address'],
  ])('rejects %j naming the field', (raw, expected) => {
    const error = configError(() => parseConfig(raw, '/repo/.triagerc.json'));
    expect(error.message).toContain('Invalid config /repo/.triagerc.json');
    expect(error.message).toContain(expected);
    expect(error.exitCode).toBe(2);
  });
});

describe('config loading', () => {
  it('finds .triagerc.json in a parent directory', async () => {
    const root = await tempDir();
    await writeFile(join(root, '.triagerc.json'), JSON.stringify(minimal));
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    const config = await loadConfig({ cwd: join(root, 'a', 'b'), home: root });
    expect(config.source).toBe(join(root, '.triagerc.json'));
  });

  it('reads YAML and package.json#triage', async () => {
    const yamlDir = await tempDir();
    await writeFile(join(yamlDir, '.triagerc.yaml'), 'routing:\n  default:\n    linear: { team: SUP }\n    github: { repo: acme/app }\n');
    expect((await loadConfig({ cwd: yamlDir, home: yamlDir })).routing.default.linear.team).toBe('SUP');
    const pkgDir = await tempDir();
    await writeFile(join(pkgDir, 'package.json'), JSON.stringify({ name: 'x', triage: minimal }));
    expect((await loadConfig({ cwd: pkgDir, home: pkgDir })).source).toBe(join(pkgDir, 'package.json'));
  });

  it('falls back to the user config directory', async () => {
    const home = await tempDir();
    await mkdir(join(home, '.config', 'triage'), { recursive: true });
    await writeFile(join(home, '.config', 'triage', 'config.json'), JSON.stringify(minimal));
    const config = await loadConfig({ cwd: home, home, userConfigDir: join(home, '.config') });
    expect(config.source).toBe(join(home, '.config', 'triage', 'config.json'));
  });

  it('never loads a JavaScript config, even when asked for one', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.triagerc.js'), 'throw new Error("code ran")');
    await expect(loadConfig({ cwd: dir, home: dir })).rejects.toThrow(/No triage config found/);
    await expect(loadConfig({ cwd: dir, home: dir, explicitPath: join(dir, '.triagerc.js') })).rejects.toThrow(/only JSON and YAML/);
  });

  it('names the file when the syntax is broken', async () => {
    const dir = await tempDir();
    const file = join(dir, '.triagerc.json');
    await writeFile(file, '{ "routing": ');
    await expect(loadConfig({ cwd: dir, home: dir })).rejects.toThrow(new RegExp(`Config ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:14: syntax error`));
  });

  it('says where it looked when there is none', async () => {
    const dir = await tempDir();
    await expect(loadConfig({ cwd: dir, home: dir })).rejects.toMatchObject({ exitCode: 2, hint: expect.stringContaining('--sandbox') });
  });

  it('reports a missing --config file', async () => {
    const dir = await tempDir();
    await expect(loadConfig({ cwd: dir, explicitPath: join(dir, 'nope.json') })).rejects.toThrow(/Config file not found/);
  });
});
