import { ServiceError, serviceLabel, type ServiceName } from '../../errors.js';
import { urlVariable } from '../credentials.js';
import { RequestTimeoutError } from './timeout-fetch.js';

/**
 * Messages for faults below the API: they name the service, the URL that was tried and the variable that
 * sets it, in words an engineer can act on ("connection refused"), never an operation name or a stack.
 */

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection dropped',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate could not be verified',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
};

/** "connection refused", "host not found", "no answer within 30s": a token-free phrase for a network failure. */
export function networkReason(error: unknown): string {
  if (error instanceof RequestTimeoutError) return error.message;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_WORDS[code]) return NETWORK_WORDS[code];
    if (current instanceof RequestTimeoutError) return current.message;
    current = (current as { cause?: unknown }).cause;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  // fetch refuses some ports outright (the Fetch standard's "bad ports": 1, 9, 25, ...).
  if (cause?.message === 'bad port') return 'a port that fetch refuses to use; pick another port';
  if (typeof cause?.message === 'string' && cause.message) return cause.message.split('\n')[0]!.slice(0, 100);
  return 'network error';
}

/** Scheme, host, port and path of an endpoint; never a query string (which could hold a key). */
export function shownUrl(url: string | URL): string {
  try {
    const u = new URL(String(url));
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return String(url).split('?')[0]!.slice(0, 120);
  }
}

/** `Cannot reach Linear at http://127.0.0.1:9/graphql (connection refused). Check LINEAR_API_URL.` */
export function unreachableError(service: ServiceName, url: string | URL, error: unknown, extraHint?: string): ServiceError {
  const label = serviceLabel[service];
  const variable = urlVariable(service);
  const timedOut = error instanceof RequestTimeoutError || (error as { cause?: unknown })?.cause instanceof RequestTimeoutError;
  const where = shownUrl(url);
  const message = timedOut ? `${label} at ${where} did not answer (${networkReason(error)})` : `Cannot reach ${label} at ${where} (${networkReason(error)}). Check ${variable}.`;
  const hint = [extraHint, timedOut ? `${label} may be slow or down; try again in a minute. ${variable} sets the endpoint.` : `${variable} sets the endpoint (unset, triage uses ${label}'s public API); check your network or proxy.`]
    .filter(Boolean)
    .join('\n');
  return new ServiceError(service, message, { cause: error, transient: true, hint });
}

/**
 * A one-line summary of an error answer that is not the API's JSON: an HTML page (a proxy, a load balancer,
 * a captive portal) becomes its status and `<title>`, never the page; plain text is cut to one short line.
 */
export function summariseErrorBody(status: number, body: unknown, statusText = ''): string {
  const head = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (typeof body !== 'string' || !body.trim()) return head;
  const text = body.trim();
  if (/^<(?:!doctype|html|head|body|\?xml)/i.test(text) || /<\/?(?:html|body|div|p|h1)\b/i.test(text)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text)?.[1];
    const clean = title?.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim().slice(0, 100);
    return clean ? `${head}, an HTML page titled "${clean}"` : `${head}, an HTML page`;
  }
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const line = (text.split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 120);
  return line ? `${head}: ${line}` : head;
}
