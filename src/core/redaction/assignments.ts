import type { Candidate } from './candidate.js';
import { looksRandom, UUID } from './entropy.js';
import { isPlaceholderValue } from './keep-rules.js';
import type { Confidence } from './types.js';

/**
 * Secrets assigned to a key that names them: env files (`DB_PASSWORD=…`), JSON (`"apiKey": "…"`), YAML
 * (`client_secret: …`), query strings (`?token=…`), XML (`<password>…</password>`), CLI flags (`--password X`,
 * `curl -u user:pass`, `mysql -pX`) and Kubernetes `Secret` data. The key stays, the value goes.
 *
 * Password- and secret-named keys take any value that is not a placeholder; token/key-named keys only take
 * values that look machine-generated (or a UUID: after `token:` a UUID is a credential, context decides).
 */

type Strength = 'strong' | 'token' | 'weak';

interface KeyClass {
  kind: string;
  strength: Strength;
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'pw', 'pword']);
const SECRET_WORDS = new Set(['secret', 'secretkey', 'privatekey', 'clientsecret', 'credential', 'credentials', 'creds']);
const TOKEN_WORDS = new Set([
  'token', 'apikey', 'accesstoken', 'authtoken', 'refreshtoken', 'sig', 'signature', 'session', 'sessionid',
  'sessiontoken', 'auth', 'bearer', 'jwt', 'accesskey', 'apitoken', 'xsrf', 'csrf',
]);
/** `<prev>_key` that name a secret; a bare `key` is only weak evidence. */
const STRONG_KEY_PREFIXES = new Set(['secret', 'private', 'signing', 'encryption', 'master', 'hmac', 'decryption']);
const TOKEN_KEY_PREFIXES = new Set([
  'api', 'access', 'auth', 'client', 'app', 'account', 'service', 'subscription', 'license', 'licence', 'ssh',
  'deploy', 'webhook', 'integration', 'admin', 'write', 'read', 'ingest', 'dsn', 'sdk', 'server', 'session',
]);
/** Cursors and ids that merely look random: `next_token`, `page_token`, `idempotency_key`, `public_key`. */
const NOT_SECRET_PREFIXES = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'pagination', 'sync', 'resume', 'idempotency',
  'public', 'publishable', 'primary', 'foreign', 'sort', 'partition', 'cache', 'object', 'i18n', 'translation',
  'routing', 'dedup', 'dedupe', 'max', 'num', 'total', 'request', 'trace', 'correlation', 'event',
]);

function segmentsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((s) => s.length > 0)
    .map((s) => s.replace(/\d+$/, ''));
}

export function classifyKey(key: string): KeyClass | null {
  const segments = segmentsOf(key);
  const last = segments[segments.length - 1];
  const prev = segments[segments.length - 2];
  if (last === undefined) return null;
  if (prev !== undefined && NOT_SECRET_PREFIXES.has(prev)) return null;
  const joined = segments.join('');
  if (/aws/.test(joined) && /secret/.test(joined) && (last === 'key' || last === 'secret')) {
    return { kind: 'aws_secret_key', strength: 'strong' };
  }
  if (PASSWORD_WORDS.has(last)) return { kind: 'password', strength: 'strong' };
  if (SECRET_WORDS.has(last)) return { kind: 'secret', strength: 'strong' };
  if (last === 'key' && prev !== undefined && STRONG_KEY_PREFIXES.has(prev)) return { kind: 'secret', strength: 'strong' };
  if (TOKEN_WORDS.has(last)) return { kind: 'secret', strength: 'token' };
  if (last === 'key' && prev !== undefined && TOKEN_KEY_PREFIXES.has(prev)) return { kind: 'secret', strength: 'token' };
  if ((last === 'id' || last === 'key') && prev === 'session') return { kind: 'secret', strength: 'token' };
  if (last === 'key' && prev === undefined) return { kind: 'secret', strength: 'weak' };
  return null;
}

const MAX_VALUE = 4096;

function isValueStop(code: number): boolean {
  // whitespace, & (query strings), quotes, angle brackets
  return code <= 0x20 || code === 0x26 || code === 0x22 || code === 0x27 || code === 0x60 || code === 0x3c || code === 0x3e;
}

interface ValueSpan {
  start: number;
  end: number;
}

/** The value after a separator: quoted (to the matching quote on the line) or a bare run. */
export function readValue(text: string, pos: number): ValueSpan | null {
  const quote = text.charAt(pos);
  const limit = Math.min(text.length, pos + MAX_VALUE);
  if (quote === '"' || quote === "'" || quote === '`') {
    let i = pos + 1;
    while (i < limit) {
      const ch = text.charAt(i);
      if (ch === quote || ch === '\n') break;
      i += ch === '\\' ? 2 : 1;
    }
    i = Math.min(i, limit);
    // An unclosed quote runs to the end of the line: better too much than half a secret.
    let end = i;
    if (text.charAt(i) !== quote) while (end > pos + 1 && /\s/.test(text.charAt(end - 1))) end -= 1;
    return end > pos + 1 ? { start: pos + 1, end } : null;
  }
  let i = pos;
  while (i < limit && !isValueStop(text.charCodeAt(i))) {
    // Connection strings chain assignments with `;` (`AccountKey=…;EndpointSuffix=…`): the next key is not
    // part of this value.
    if (text.charCodeAt(i) === 0x3b && /^;[ \t]{0,2}[A-Za-z_][A-Za-z0-9_. -]{0,40}=/.test(text.slice(i, i + 48))) break;
    i += 1;
  }
  let end = i;
  // Trailing punctuation belongs to the sentence or the structure around the value, not to it — unless the
  // value opened that bracket itself (`ghp_[GITHUB_TOKEN_1]`, `f(x)`).
  for (;;) {
    const last = text.charAt(end - 1);
    if (end <= pos || !/[,;.)\]}]/.test(last)) break;
    const opener = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : '';
    if (opener && text.slice(pos, end - 1).includes(opener)) break;
    end -= 1;
  }
  return end > pos ? { start: pos, end } : null;
}

function accepts(keyClass: KeyClass, key: string, value: string, placeholder?: RegExp): Confidence | null {
  if (isPlaceholderValue(value, placeholder)) return null;
  // A PEM block is private-key.ts's: it keeps the header and footer lines.
  if (value.startsWith('-----BEGIN')) return null;
  if (keyClass.strength === 'strong') {
    if (/^(?:pwd|oldpwd)$/i.test(key) && /^(?:[/~]|[A-Za-z]:\\)/.test(value)) return null; // a directory
    if (/^[{[]$/.test(value)) return null; // a nested structure follows
    return 'medium';
  }
  if (UUID.test(value) || looksRandom(value)) return keyClass.strength === 'weak' ? 'low' : 'medium';
  return null;
}

/** "my password is hunter2", "pw was Xy7!qq": a password stated in prose. Only password-shaped values count. */
const PROSE_PASSWORD = /(?<![A-Za-z0-9_-])(?:password|passwd|passphrase|pwd|pw)[ \t]{1,4}(?:is|was|would be|=|:)[ \t]{1,4}["'“]?([^\s"'”]{6,128})/gi;

const KEY_VALUE = /(?<![A-Za-z0-9_.$-])(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,127})\1[ \t]{0,4}(?::=|=>|=(?!=)|:(?![:/\\]))[ \t]{0,8}/g;
const CLI_FLAG = /(?<![\w-])--([A-Za-z][A-Za-z0-9-]{1,40})(?:=|[ \t]{1,4})/g;
const XML_ELEMENT = /<([A-Za-z_][A-Za-z0-9_.:-]{0,63})>([^<\n]{1,4096})<\/\1>/g;
const CURL_USER = /(?<![\w-])(?:-u|--user)(?:[ \t]{1,4}|=)(["']?)([^\s:"']{0,256}):([^\s"']{1,256})\1/dg;
const MYSQL_PASSWORD = /(?<![\w-])-p(?=[^\s-])([^\s"']{1,256}|"[^"\n]{1,256}"|'[^'\n]{1,256}')/g;

export function detectAssignments(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  const push = (keyClass: KeyClass, span: ValueSpan, confidence: Confidence): void => {
    found.push({ kind: keyClass.kind, start: span.start, end: span.end, confidence, key: text.slice(span.start, span.end) });
  };

  KEY_VALUE.lastIndex = 0;
  for (let m = KEY_VALUE.exec(text); m !== null; m = KEY_VALUE.exec(text)) {
    const key = m[2] ?? '';
    const keyClass = classifyKey(key);
    if (!keyClass) continue;
    // `scheme://user:password@host` is not `user: value`; url-credentials.ts reads it.
    if (text.slice(Math.max(0, m.index - 3), m.index) === '://') continue;
    const valueStart = m.index + m[0].length;
    // `key: GITHUB_TOKEN=ghp_…`: the value is itself an assignment; let the scan read that one instead.
    const nested = /^([A-Za-z_][A-Za-z0-9_.-]{0,127})=[^=\s;,&]/.exec(text.slice(valueStart, valueStart + 160));
    if (nested && !looksRandom(nested[1] ?? '')) continue;
    const span = readValue(text, valueStart);
    if (!span) continue;
    // A value is never searched again for keys: keeps `password=password=…` linear.
    KEY_VALUE.lastIndex = Math.max(KEY_VALUE.lastIndex, span.end);
    const confidence = accepts(keyClass, key, text.slice(span.start, span.end), placeholder);
    if (confidence) push(keyClass, span, confidence);
  }

  if (text.includes('--')) {
    CLI_FLAG.lastIndex = 0;
    for (let m = CLI_FLAG.exec(text); m !== null; m = CLI_FLAG.exec(text)) {
      const keyClass = classifyKey(m[1] ?? '');
      if (!keyClass) continue;
      const span = readValue(text, m.index + m[0].length);
      if (!span) continue;
      CLI_FLAG.lastIndex = Math.max(CLI_FLAG.lastIndex, span.end);
      const value = text.slice(span.start, span.end);
      if (value.startsWith('-')) continue; // the next flag, not a value
      const confidence = accepts(keyClass, m[1] ?? '', value, placeholder);
      if (confidence) push(keyClass, span, confidence);
    }
  }

  if (text.includes('</')) {
    XML_ELEMENT.lastIndex = 0;
    for (let m = XML_ELEMENT.exec(text); m !== null; m = XML_ELEMENT.exec(text)) {
      const tag = m[1] ?? '';
      const keyClass = classifyKey(tag.replace(/^[^:]*:/, ''));
      const value = m[2] ?? '';
      if (!keyClass) continue;
      const confidence = accepts(keyClass, tag, value.trim(), placeholder);
      const start = m.index + tag.length + 2;
      if (confidence) push(keyClass, { start, end: start + value.length }, confidence);
    }
  }

  CURL_USER.lastIndex = 0;
  for (let m = CURL_USER.exec(text); m !== null; m = CURL_USER.exec(text)) {
    const user = m[2] ?? '';
    const password = m[3] ?? '';
    const at = m.indices?.[3];
    if (!at || isPlaceholderValue(password, placeholder)) continue;
    if (/^\d+$/.test(user) && /^\d+$/.test(password)) continue; // docker -u 1000:1000 is uid:gid
    push({ kind: 'password', strength: 'strong' }, { start: at[0], end: at[1] }, 'high');
  }

  if (/mysql|mariadb/i.test(text)) {
    MYSQL_PASSWORD.lastIndex = 0;
    for (let m = MYSQL_PASSWORD.exec(text); m !== null; m = MYSQL_PASSWORD.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 200), m.index);
      if (!/mysql|mariadb/i.test(before.slice(before.lastIndexOf('\n') + 1))) continue;
      let start = m.index + 2;
      let end = m.index + m[0].length;
      if (/^["']/.test(m[1] ?? '')) {
        start += 1;
        end -= 1;
      }
      if (!isPlaceholderValue(text.slice(start, end), placeholder)) push({ kind: 'password', strength: 'strong' }, { start, end }, 'medium');
    }
  }

  if (/pass|pw/i.test(text)) {
    PROSE_PASSWORD.lastIndex = 0;
    for (let m = PROSE_PASSWORD.exec(text); m !== null; m = PROSE_PASSWORD.exec(text)) {
      let value = m[1] ?? '';
      value = value.replace(/[.,;:!?)\]]+$/, '');
      const start = m.index + m[0].length - (m[1] ?? '').length;
      // Prose ("the password is required", "password is too short") has words here; a password does not look
      // like a lower-case word.
      if (value.length < 6 || /^[a-z]+$/.test(value) || isPlaceholderValue(value, placeholder)) continue;
      if (!/[\d\W_]/.test(value) && !/[A-Z].*[a-z]|[a-z].*[A-Z]/.test(value.slice(1))) continue;
      found.push({ kind: 'password', start, end: start + value.length, confidence: 'low', key: value });
    }
  }

  for (const c of detectKubernetesSecretData(text, placeholder)) found.push(c);
  return found;
}

/**
 * In a Kubernetes `Secret`, every value under `data:` / `stringData:` is secret whatever its key is called
 * (`tls.key`, `DATABASE_URL`, `config.json`): the manifest itself says so.
 */
function detectKubernetesSecretData(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  if (!/^kind:[ \t]{0,4}Secret[ \t]*\r?$/m.test(text)) return found;
  const lines = text.split('\n');
  let offset = 0;
  let dataIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (dataIndent >= 0 && trimmed.length > 0 && indent <= dataIndent) dataIndent = -1;
    if (/^(?:data|stringData):[ \t]*\r?$/.test(trimmed)) {
      dataIndent = indent;
    } else if (dataIndent >= 0) {
      const m = /^([ \t]+)(["']?[A-Za-z0-9_.-]{1,253}["']?):[ \t]{1,8}/.exec(line);
      if (m) {
        const span = readValue(text, offset + m[0].length);
        if (span && !isPlaceholderValue(text.slice(span.start, span.end), placeholder) && !/^[|>]-?$/.test(text.slice(span.start, span.end))) {
          found.push({ kind: 'secret', start: span.start, end: span.end, confidence: 'medium', key: text.slice(span.start, span.end) });
        }
      }
    }
    offset += line.length + 1;
  }
  return found;
}
