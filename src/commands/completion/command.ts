import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { completionScript } from './scripts.js';
import { SHELLS, type Shell } from './shells.js';
import { describeTree } from './tree.js';

export function completionCommand(ctx: Context, program: Command, shell: string): void {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`Unknown shell "${shell}". Valid shells: ${SHELLS.join(', ')}`);
  ctx.io.out(completionScript(shell as Shell, describeTree(program)));
}
