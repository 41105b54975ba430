import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import type { Shell } from './shells.js';
import type { CompletionTree } from './tree.js';
import { zshScript } from './zsh.js';

export function completionScript(shell: Shell, tree: CompletionTree): string {
  if (shell === 'bash') return bashScript(tree);
  if (shell === 'zsh') return zshScript(tree);
  return fishScript(tree);
}
