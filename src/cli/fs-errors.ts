import { ConfigError, FailureError, type TriageError } from '../errors.js';

const FS_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a file is in the way',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  ENOENT: 'no such file or directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
};

/**
 * A file-system error that escaped a command, in words and with the fix: the state directory (journals,
 * drafts, the sandbox) names TRIAGE_STATE_DIR; anything else names the path. Undefined when it is not one.
 */
export function fileSystemError(error: unknown, stateDir: string): TriageError | undefined {
  const err = error as NodeJS.ErrnoException;
  if (!err || typeof err.code !== 'string' || !FS_WORDS[err.code]) return undefined;
  const why = FS_WORDS[err.code]!;
  const path = typeof err.path === 'string' ? err.path : undefined;
  const writing = /^(mkdir|open|write|rename|unlink|rmdir|copyfile|symlink)/.test(err.syscall ?? '') || err.code === 'EROFS';
  const full = err.code === 'ENOSPC' || err.code === 'EDQUOT';
  const inState = path !== undefined && (path === stateDir || path.startsWith(`${stateDir}/`) || stateDir.startsWith(`${path}/`));
  if (inState) {
    const message = `Cannot ${writing ? 'write to' : 'read'} the state directory ${stateDir} (${why}); nothing was filed`;
    const hint = full
      ? 'Free some space there, or set TRIAGE_STATE_DIR to a directory on another disk.'
      : 'triage keeps its journal and drafts there: set TRIAGE_STATE_DIR to a directory you can write, or fix the permissions of this one.';
    return full ? new FailureError(message, { hint, cause: error }) : new ConfigError(message, { hint, cause: error });
  }
  if (!path) return new FailureError(`A file operation failed (${why})`, { cause: error, hint: 'Run again with --debug for details.' });
  return new FailureError(`Cannot ${writing ? 'write' : 'read'} ${path} (${why})`, { cause: error, hint: full ? 'Free some disk space and run it again.' : 'Check that the path exists and that you may use it.' });
}
