import { AuthError, ServiceError } from '../../errors.js';
import { summariseErrorBody } from '../http/explain.js';

/** A Pylon error that carries the `request_id` Pylon's support asks for. */
export class PylonServiceError extends ServiceError {
  constructor(
    message: string,
    readonly requestId: string | undefined,
    options: { hint?: string; cause?: unknown; status?: number; transient?: boolean } = {},
  ) {
    super('pylon', message, options);
  }
}

/** Pylon's error body: `{ errors: string[], request_id, exists_id? }`. */
export interface PylonErrorDetail {
  messages: string[];
  requestId: string | undefined;
}

export function pylonErrorDetail(body: unknown, secrets: readonly string[] = []): PylonErrorDetail {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const raw = Array.isArray(record.errors) ? record.errors : typeof record.message === 'string' ? [record.message] : [];
  const messages = raw
    .map((e) => (typeof e === 'string' ? e : typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : ''))
    .filter(Boolean)
    .map((m) => scrub(firstLine(m).slice(0, 300), secrets));
  const requestId = typeof record.request_id === 'string' && /^[\w.:-]{1,100}$/.test(record.request_id) ? record.request_id : undefined;
  return { messages, requestId };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** Defence in depth: nothing Pylon echoes back may put the token in a message. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[token]');
  return out;
}

function describeFailure(status: number, detail: PylonErrorDetail, body: unknown, statusText: string): string {
  if (!detail.messages.length) return `${summariseErrorBody(status, body, statusText)}${detail.requestId ? ` (request_id ${detail.requestId})` : ''}`;
  return `${status} ${detail.messages.join('; ')}${detail.requestId ? ` (request_id ${detail.requestId})` : ''}`;
}

const TOKEN_HINT = 'Create an API token in Pylon (Settings → API tokens, admin only), export PYLON_API_TOKEN, and run `triage doctor` to check it.';

/** Turns a refused answer into a typed error: 401/403 name PYLON_API_TOKEN; the rest keep Pylon's words. */
export function toPylonError(status: number, body: unknown, what: string, secrets: readonly string[] = [], hintOverride?: string, statusText = ''): Error {
  const detail = pylonErrorDetail(body, secrets);
  if (status === 401 || status === 403) {
    const wrongRegion = detail.messages.some((m) => /wrong[_ ]region/i.test(m));
    const why = `${status} ${detail.messages.join('; ') || `HTTP ${status}`}${detail.requestId ? `; request_id ${detail.requestId}` : ''}`;
    const message = status === 401 ? `Pylon rejected the token in PYLON_API_TOKEN (${why})` : `Pylon refused the ${what} to the token in PYLON_API_TOKEN (${why})`;
    return new AuthError('pylon', message, {
      hint: wrongRegion
        ? 'The token belongs to the other Pylon region: set `pylon.region` ("us" or "eu") in the config, or PYLON_API_URL.'
        : status === 403
          ? 'The token lacks a permission this needs; an admin can change its role in Pylon (Settings → API tokens).'
          : TOKEN_HINT,
    });
  }
  const transient = status >= 500 || status === 429;
  let hint: string | undefined;
  if (status === 404) hint = 'Check the id or number (it is the number shown in Pylon, or the issue\'s UUID).';
  if (status === 429) hint = 'Pylon limits each endpoint to a few requests a minute; wait a minute and run it again.';
  if (hintOverride) hint = hintOverride;
  return new PylonServiceError(`Pylon ${what} failed: ${scrub(describeFailure(status, detail, body, statusText), secrets)}`, detail.requestId, {
    status,
    transient,
    ...(hint ? { hint } : {}),
  });
}
