import { describe, expect, it } from 'vitest';
import { colorLevel, IO, pipedColumns } from '../../src/cli/io.js';
import { captureStreams } from '../support/streams.js';
import { resolvePaths } from '../../src/cli/paths.js';

describe('colour follows the terminal', () => {
  it.each([
    [{}, true, false, 1],
    [{}, false, false, 0],
    [{ NO_COLOR: '1' }, true, false, 0],
    [{ NO_COLOR: '' }, true, false, 1],
    [{}, true, true, 0],
    [{ FORCE_COLOR: '1' }, false, false, 1],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, false, 1],
    [{ FORCE_COLOR: '0' }, true, false, 0],
    [{ FORCE_COLOR: '3' }, false, false, 3],
    [{ FORCE_COLOR: '1' }, true, true, 0],
    [{ TERM: 'dumb' }, true, false, 0],
    [{ TERM: 'xterm-256color' }, true, false, 2],
    [{ COLORTERM: 'truecolor' }, true, false, 3],
  ] as const)('env %j, tty %s, --no-color %s → level %i', (env, isTTY, noColorFlag, level) => {
    expect(colorLevel({ env, isTTY, noColorFlag })).toBe(level);
  });
});

describe('state and config directories', () => {
  it.each([
    ['linux', {}, '/home/ana/.local/state/triage', '/home/ana/.config'],
    ['linux', { XDG_STATE_HOME: '/xdg/state', XDG_CONFIG_HOME: '/xdg/config' }, '/xdg/state/triage', '/xdg/config'],
    ['darwin', {}, '/home/ana/Library/Application Support/triage', '/home/ana/Library/Preferences'],
    ['win32', { LOCALAPPDATA: 'C:\\\\Users\\\\ana\\\\AppData\\\\Local' }, 'C:\\\\Users\\\\ana\\\\AppData\\\\Local/triage', '/home/ana/AppData/Roaming'],
    ['linux', { TRIAGE_STATE_DIR: '/tmp/t' }, '/tmp/t', '/home/ana/.config'],
  ] as const)('%s %j', (platform, env, stateDir, configDir) => {
    const paths = resolvePaths({ env, platform, home: '/home/ana' });
    expect(paths.stateDir).toBe(stateDir);
    expect(paths.configDir).toBe(configDir);
  });
});

describe('layout and progress follow the stream', () => {
  const io = (tty: boolean, columns: number, piped?: number) => {
    const captured = captureStreams({ tty });
    (captured.streams.stderr as { columns?: number }).columns = columns;
    (captured.streams.stdout as { columns?: number }).columns = columns;
    return { io: new IO(captured.streams, { colorLevel: 0, ...(piped ? { pipedColumns: piped } : {}) }), captured };
  };

  it('progress lines reach a terminal, never a pipe', () => {
    const tty = io(true, 80);
    tty.io.progress('Creating the Linear issue');
    expect(tty.captured.stderr()).toBe('… Creating the Linear issue\n');
    const piped = io(false, 80);
    piped.io.progress('Creating the Linear issue');
    expect(piped.captured.stderr()).toBe('');
  });

  it.each([
    // [tty, terminal columns, COLUMNS, table width, prose width]
    [true, 120, undefined, 120, 100],
    [true, 60, undefined, 60, 60],
    [false, 120, undefined, 80, 80],
    [false, 120, 132, 132, 132],
  ] as const)('tty %s at %i columns, COLUMNS %s: tables %i, prose %i', (tty, columns, piped, table, prose) => {
    const { io: out } = io(tty, columns, piped);
    expect(out.outWidth).toBe(table);
    expect(out.outProse).toBe(prose);
    expect(out.errProse).toBe(prose);
  });

  it.each([
    [{}, 80],
    [{ COLUMNS: '132' }, 132],
    [{ COLUMNS: 'wide' }, 80],
    [{ COLUMNS: '5' }, 80],
  ])('COLUMNS %j → %i when piped', (env, width) => {
    expect(pipedColumns(env)).toBe(width);
  });

  it('warnings wrap under their text, not under the mark', () => {
    const { io: out, captured } = io(false, 80);
    out.warn('a warning long enough to need a second line when it is printed at eighty columns wide, as here');
    const lines = captured.stderr().trimEnd().split('\n');
    expect(lines.length).toBe(2);
    expect(lines[0]!.startsWith('! a warning')).toBe(true);
    expect(lines[1]!.startsWith('  ')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});
