import { spawnSync } from 'node:child_process';
import type { OutputStream } from './io.js';

/**
 * Long text one screen at a time, as git and gh show it: `$TRIAGE_PAGER`, else `$PAGER`, else `less`, drawn on
 * the terminal behind stderr (stdout may be a file: `triage new --json > result.json`). `less` gets `FRX` unless
 * LESS says otherwise: quit when it fits one screen, keep colours, leave the text on the screen afterwards.
 * Returns false when no pager ran (none installed, or stderr has no descriptor), so the caller prints the text.
 */
export function runPager(text: string, stderr: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  const fd = (stderr as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return false;
  const command = (env.TRIAGE_PAGER ?? env.PAGER ?? 'less').trim();
  if (command === '' || command === 'cat') return false;
  // spawnSync keeps this process off the terminal while the pager reads keys from it.
  const result = spawnSync(command, {
    shell: true,
    input: text,
    stdio: ['pipe', fd, 'inherit'],
    // triage writes UTF-8 whatever the locale says; without LESSCHARSET a bare C locale shows `·` as <C2><B7>.
    env: { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c', LESSCHARSET: env.LESSCHARSET ?? 'utf-8' },
  });
  if (result.error) return false;
  // The shell's "command not found" is 127: the text has not been seen.
  return result.status !== 127;
}
