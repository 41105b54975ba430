import { AuthError, ServiceError } from '../../errors.js';
import { summariseErrorBody, unreachableError } from '../http/explain.js';

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
export function toGitHubError(error: unknown, what: string, baseUrl = 'https://api.github.com'): Error {
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
  if (status === 500 && err.cause !== undefined) return unreachableError('github', baseUrl, err.cause);
  const details = (data?.errors ?? [])
    .map((e) => e.message ?? [e.resource, e.field, e.code].filter(Boolean).join(' '))
    .filter(Boolean)
    .join('; ');
  // An answer that is not GitHub's JSON (a proxy's HTML page) is summarised by its status and title.
  const said = typeof data === 'string' || data === undefined ? summariseErrorBody(status, data) : `${status} ${data.message ?? ''}`.trim();
  const message = `GitHub ${what} failed: ${said}${details ? ` (${details})` : ''}`;
  const transient = status >= 500 || status === 429 || (status === 403 && /rate limit/i.test(data?.message ?? ''));
  let hint: string | undefined;
  if (status === 404) hint = 'Check the repository name in the routing config and that the token can see it (`triage doctor`).';
  if (status === 403 && !transient) hint = 'The token lacks permission for this repository (it needs issues: write).';
  return new ServiceError('github', message, { cause: error, status, transient, ...(hint ? { hint } : {}) });
}
