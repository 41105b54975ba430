import type { Candidate } from './candidate.js';
import { isPlaceholderValue } from './keep-rules.js';
import { classifyKeyName } from './keys/classify.js';
import { isCodeExpression, judgePair } from './structure/values.js';
import type { Confidence } from './types.js';
import { HTTP_CLIENT } from './structure/command-line.js';

/**
 * Credentials in command lines and prose: CLI flags (`--password X`, `--api-key=X`), `curl -u user:pass`,
 * `mysql -pX`, "my password is …", and Kubernetes `Secret` data. Key-named assignments in config and source
 * syntaxes are structure/assign.ts's; both are judged by structure/values.ts.
 */

interface KeyClass {
  kind: string;
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

/** "my password is hunter2", "pw was Xy7!qq": a password stated in prose. Only password-shaped values count. */
const PROSE_PASSWORD = /(?<![A-Za-z0-9_-])(?:password|passwd|passphrase|pwd|pw)[ \t]{1,4}(?:is|was|would be|=|:)[ \t]{1,4}["'“]?([^\s"'”]{6,128})/gi;

const CLI_FLAG = /(?<![\w-])--([A-Za-z][A-Za-z0-9_.-]{1,40})(?:=|[ \t]{1,4})/g;
const CURL_USER = /(?<![\w-])(?:-u|--user)(?:[ \t]{1,4}|=)(["']?)([^\s:"']{0,256}):([^\s"']{1,256})\1/dg;
const MYSQL_PASSWORD = /(?<![\w-])-p(?=[^\s-])([^\s"']{1,256}|"[^"\n]{1,256}"|'[^'\n]{1,256}')/g;

export function detectAssignments(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  const push = (keyClass: KeyClass, span: ValueSpan, confidence: Confidence): void => {
    found.push({ kind: keyClass.kind, start: span.start, end: span.end, confidence, key: text.slice(span.start, span.end) });
  };

  if (text.includes('--')) {
    CLI_FLAG.lastIndex = 0;
    for (let m = CLI_FLAG.exec(text); m !== null; m = CLI_FLAG.exec(text)) {
      const flag = m[1] ?? '';
      const verdict = classifyKeyName(flag);
      if (!verdict) continue;
      const span = readValue(text, m.index + m[0].length);
      if (!span) continue;
      CLI_FLAG.lastIndex = Math.max(CLI_FLAG.lastIndex, span.end);
      if (text.charAt(span.start) === '-') continue; // the next flag, not a value
      for (const c of judgePair(text, verdict, span.start, span.end, { syntax: 'command-line flag', via: `--${flag}` }, placeholder)) found.push(c);
    }
  }

  CURL_USER.lastIndex = 0;
  for (let m = CURL_USER.exec(text); m !== null; m = CURL_USER.exec(text)) {
    const user = m[2] ?? '';
    const password = m[3] ?? '';
    const at = m.indices?.[3];
    if (!at || isPlaceholderValue(password, placeholder) || user.startsWith('<')) continue;
    if (/^\d+$/.test(user) && /^\d+$/.test(password)) continue; // docker -u 1000:1000 is uid:gid
    const window = text.slice(Math.max(0, m.index - 300), m.index);
    if (!HTTP_CLIENT.test(window.slice(window.lastIndexOf('\n') + 1)) && !/\d/.test(password)) continue; // ps -u root:wheel
    push({ kind: 'password' }, { start: at[0], end: at[1] }, 'high');
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
      if (!isPlaceholderValue(text.slice(start, end), placeholder)) push({ kind: 'password' }, { start, end }, 'medium');
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
      if (value.length < 6 || /^[a-z]+$/.test(value) || isPlaceholderValue(value, placeholder) || isCodeExpression(value)) continue;
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
