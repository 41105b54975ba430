import { lintSource } from '@secretlint/core';
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig, SecretLintRuleContext, SecretLintRuleCreator } from '@secretlint/types';
import type { Candidate } from '../../src/core/redaction/candidate.js';
import { isMaskedBody } from '../../src/core/redaction/keep-rules.js';

/**
 * The secretlint recommended preset, run in-process through @secretlint/core on the text itself: no config
 * file, no file path, no I/O (the one rule that reads a file, GCP's `.p12` check, only does so for a `.p12`
 * extension; we say `.txt`).
 *
 * Customer text is untrusted, so nothing in it may switch detection off. secretlint honours comment directives
 * (`secretlint-disable`, `-line`, `-next-line`) through its `filter-comments` rule, and core still runs that
 * rule when the preset config marks it `disabled: true` (a preset's per-rule `disabled` flag is not consulted
 * in @secretlint/core 11.7.1). So the preset's rules are registered one by one, `filter-comments` left out, and
 * each rule gets a context whose `ignore()` does nothing: no rule, present or future, can suppress a finding.
 *
 * Only a finding's rule, message id and range are used — never its message, which quotes the secret — and
 * ranges are widened to whole tokens or narrowed to the password of a connection string, per rule.
 */

const FILTER_RULE = '@secretlint/secretlint-rule-filter-comments';
const CHUNK = 64 * 1024;
const OVERLAP = 16 * 1024;

function neutered<O>(rule: SecretLintRuleCreator<O>): SecretLintRuleCreator<O> {
  return {
    ...rule,
    create(context: SecretLintRuleContext, options: O) {
      return rule.create({ ...context, ignore: () => undefined }, options);
    },
  };
}

const CONFIG: SecretLintCoreConfig = {
  rules: recommendedRules
    .filter((rule) => rule.meta.id !== FILTER_RULE && rule.meta.type === 'scanner')
    .map((rule) => ({
      id: rule.meta.id,
      rule: neutered(rule),
      // AWS access key ids and account ids are off by default in the preset.
      options: rule.meta.id.endsWith('-aws') ? { enableIDScanRule: true } : {},
    })),
};

export function secretlintRuleIds(): string[] {
  return CONFIG.rules.map((r) => r.id);
}

interface Refined {
  kind: string;
  start: number;
  end: number;
  prefix?: string;
}

/**
 * A range that might stop short of its token is widened over token characters. Not leftwards over `=` or `:`:
 * in `GITHUB_TOKEN=ghp_…` the key name is not part of the token.
 */
function widenToToken(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && start - s < 512 && /[A-Za-z0-9+/-]/.test(text.charAt(s - 1))) s -= 1;
  while (e < text.length && e - end < 512 && /[A-Za-z0-9_+/=-]/.test(text.charAt(e))) e += 1;
  return [s, e];
}

const PREFIXED_KINDS: Readonly<Record<string, string>> = {
  github: 'github_token',
  npm: 'npm_token',
  linear: 'linear_api_key',
  openai: 'openai_key',
  anthropic: 'anthropic_key',
  sendgrid: 'sendgrid_key',
  shopify: 'shopify_token',
  '1password': 'onepassword_token',
};

function refine(text: string, ruleId: string, messageId: string, start: number, end: number): Refined | null {
  const rule = ruleId.replace('@secretlint/secretlint-rule-', '');
  const found = text.slice(start, end);
  // Documentation placeholders that secretlint takes for tokens: `ghp_xxxx…`, `xoxb-your-bot-token`.
  const body = rule === 'aws' ? found.slice(4) : found.replace(/^[A-Za-z]{2,12}[_-](?:[a-z]{2,6}[_-])?/, '');
  if (isMaskedBody(body)) return null;
  if (rule === 'slack' && messageId !== 'IncomingWebhook' && !/\d/.test(body)) return null;
  if (rule === 'database-connection-string' || rule === 'basicauth') {
    // Only the password goes; the scheme, user and host are what an engineer debugs with.
    const m = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^:@/\s]{0,256}:([^@/\s]{1,256})@/.exec(found);
    const password = m?.[1];
    if (!m || password === undefined) return null;
    const s = start + m[0].length - 1 - password.length;
    return { kind: 'url_password', start: s, end: s + password.length };
  }
  if (rule === 'slack') {
    if (messageId === 'IncomingWebhook') return { kind: 'slack_webhook', start, end: widenToToken(text, start, end)[1] };
    const [s, e] = widenToToken(text, start, end);
    return { kind: 'slack_token', start: s, end: e };
  }
  if (rule === 'aws') {
    if (messageId === 'AWSSecretAccessKey') {
      // The reported range starts at the key name and is not as long as the match: find the value itself.
      const m = /[A-Za-z0-9/+]{40}/.exec(text.slice(start, Math.min(text.length, start + 512)));
      if (!m) return { kind: 'aws_secret_key', start, end };
      return { kind: 'aws_secret_key', start: start + m.index, end: start + m.index + 40 };
    }
    if (messageId === 'AWSAccountID') {
      const m = /\d{4}-?\d{4}-?\d{4}/.exec(text.slice(start, Math.min(text.length, start + 512)));
      return m ? { kind: 'secret', start: start + m.index, end: start + m.index + m[0].length } : null;
    }
    const [s, e] = widenToToken(text, start, end);
    return { kind: 'aws_access_key', start: s, end: e };
  }
  if (rule === 'privatekey') return { kind: 'private_key', start, end };
  if (rule === 'gcp') return { kind: 'gcp_credentials', start, end };
  const kind = PREFIXED_KINDS[rule];
  // Prefixed tokens are reported exactly (their patterns have boundaries on both sides).
  if (kind) return { kind, start, end };
  const [s, e] = widenToToken(text, start, end);
  return { kind: 'secret', start: s, end: e };
}

/** Chunks on line boundaries with an overlap large enough for a PEM block, so nothing is cut unseen. */
function chunks(text: string): Array<[number, number]> {
  if (text.length <= CHUNK + OVERLAP) return [[0, text.length]];
  const result: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const newline = text.indexOf('\n', end);
      end = newline >= 0 && newline - end < OVERLAP ? newline + 1 : end;
    }
    result.push([start, end]);
    if (end >= text.length) break;
    let next = end - OVERLAP;
    const newline = text.lastIndexOf('\n', next);
    if (newline > start && next - newline < OVERLAP) next = newline + 1;
    start = Math.max(next, start + 1);
  }
  return result;
}

export async function detectWithSecretlint(text: string): Promise<Candidate[]> {
  const found = new Map<string, Candidate>();
  for (const [from, to] of chunks(text)) {
    // A leading BOM would be dropped by secretlint and shift every range by one.
    let content = text.slice(from, to);
    if (content.charCodeAt(0) === 0xfeff) content = ` ${content.slice(1)}`;
    const result = await lintSource({
      source: { content, filePath: 'ticket.txt', ext: '.txt', contentType: 'text' },
      options: { config: CONFIG, noPhysicFilePath: true, maskSecrets: true, locale: 'en' },
    });
    for (const message of result.messages) {
      const [s, e] = message.range;
      const refined = refine(text, message.ruleId, message.messageId, from + s, from + e);
      if (!refined || refined.end <= refined.start) continue;
      const id = `${refined.kind}:${refined.start}:${refined.end}`;
      found.set(id, {
        kind: refined.kind,
        start: refined.start,
        end: refined.end,
        confidence: 'high',
        key: text.slice(refined.start, refined.end),
      });
    }
  }
  return [...found.values()];
}
