import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/cli/io.js';
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
