import type { Context } from '../context.js';

/** What a command's register function gets: the context, built once global flags are known. */
export interface CommandSetup {
  context(): Context;
}
