import { AuthError, ServiceError } from '../../errors.js';
import { describeNetworkError, RequestTimeoutError } from '../http/timeout-fetch.js';

interface OctokitError {
  name?: string;
  status?: number;
  message?: string;
  cause?: unknown;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

/**
 * Turns an @octokit RequestError into ours. GitHub's message and validation errors are kept (they name
 * fields, never values); the request (which holds the token header) is dropped.
 */
export function toGitHubError(error: unknown, what: string): Error {
  const err = error as OctokitError;
  if (err?.name !== 'HttpError' && err?.status === undefined) return error instanceof Error ? error : new Error(String(error));
  const status = err.status ?? 0;
  const data = err.response?.data as { message?: string; errors?: Array<{ field?: string; code?: string; message?: string; resource?: string }> } | undefined;
  if (status === 401) {
    return new AuthError('github', 'GitHub rejected the token in GITHUB_TOKEN (or GH_TOKEN)', {
      hint: 'Create a token with the "issues: write" permission and export GITHUB_TOKEN; `triage doctor` checks it.',
      cause: error,
    });
  }
  if (status === 500 && err.cause !== undefined) {
    const timeout = err.cause instanceof RequestTimeoutError;
    return new ServiceError('github', `GitHub ${what} ${timeout ? 'timed out' : `failed (${describeNetworkError(err.cause)})`}`, {
      cause: error,
      transient: true,
    });
  }
  const details = (data?.errors ?? [])
    .map((e) => e.message ?? [e.resource, e.field, e.code].filter(Boolean).join(' '))
    .filter(Boolean)
    .join('; ');
  const message = `GitHub ${what} failed: ${status} ${data?.message ?? err.message ?? ''}${details ? ` (${details})` : ''}`.trim();
  const transient = status >= 500 || status === 429 || (status === 403 && /rate limit/i.test(data?.message ?? ''));
  let hint: string | undefined;
  if (status === 404) hint = 'Check the repository name in the routing config and that the token can see it (`triage doctor`).';
  if (status === 403 && !transient) hint = 'The token lacks permission for this repository (it needs issues: write).';
  return new ServiceError('github', message, { cause: error, status, transient, ...(hint ? { hint } : {}) });
}
