/**
 * The redaction engine: a pure core (no I/O, no clock, no env) that every text bound for Linear or GitHub
 * passes through before any request is made.
 *
 * Policy — what each target strips (`github` issues may be public; Linear is internal):
 *
 * | what                                                        | kind(s)                         | github | linear |
 * |-------------------------------------------------------------|---------------------------------|--------|--------|
 * | secrets and credentials (tokens, keys, passwords, cookies)  | github_token, jwt, password, …  | strip  | strip  |
 * | personal data: email, phone, card, IBAN, SSN, public IP, MAC| email, phone, card, iban, …     | strip  | strip  |
 * | a login in a home directory (/Users/<name>, ~<name>/)       | username                        | strip  | strip  |
 * | contact emails (from identity)                              | email                           | strip  | strip  |
 * | contact names, and each part of them                        | contact                         | strip  | keep   |
 * | customer (company) names, with and without legal form       | customer                        | strip  | keep   |
 * | customer domains, subdomains, the name as a host label      | customer_domain                 | strip  | keep   |
 * | `--term`s (identity.terms)                                  | term                            | strip  | strip  |
 * | config `extraPatterns`                                      | their own kind                  | strip  | strip  |
 * | config `allow` strings                                      | —                               | keep   | keep   |
 *
 * Linear keeps who the ticket is about because the team working it needs to know; a contact's name is kept
 * there for the same reason, but a contact's email is personal data and goes everywhere.
 *
 * Placeholders: `[EMAIL_1]`, `[PHONE_2]`, `[CARD_1]`, `[IP_1]`, `[CONTACT_1]`, `[SECRET_3]`, … numbered per
 * value and stable across every text one redactor redacts; `[CUSTOMER]` and `[CUSTOMER_DOMAIN]` are not
 * numbered (subdomain labels survive: `api.[CUSTOMER_DOMAIN]`). Tokens keep their public prefix
 * (`ghp_[GITHUB_TOKEN_1]`), PEM blocks their header and footer lines. Placeholders in the input are kept, so
 * redacting twice changes nothing.
 */
import { DetectionEngine } from './detect.js';
import { RedactionFailedError, RedactorConfigError } from './errors.js';
import { compileExtraPatterns } from './extra-patterns.js';
import { buildIdentityMatchers } from './identity.js';
import { builtinLabels, kindInfo } from './kinds.js';
import { explainCandidate } from './explain.js';
import { mergeCandidates } from './merge.js';
import { PhoneDetector } from './phone.js';
import { PlaceholderBook, placeholderPattern, placeholderSpans } from './placeholders.js';
import { isRedactionTarget } from './policy.js';
import type { Finding, RedactionResult, Redactor, RedactorOptions } from './types.js';

export type {
  Confidence,
  ExtraPattern,
  Finding,
  KnownContact,
  KnownIdentity,
  RedactionResult,
  RedactionTarget,
  Redactor,
  RedactorOptions,
} from './types.js';
export { summarizeFindings, findingContext, type FindingSummary } from './review.js';
export { explainLines } from './explain.js';
export { RedactionFailedError, RedactorConfigError } from './errors.js';

/**
 * Builds a redactor for one destination. Bad options (unknown target, invalid `extraPatterns`, unknown phone
 * country) throw a `RedactorConfigError` here, at construction, with no customer text involved; `redact()`
 * itself never throws: it rejects with a `RedactionFailedError` that carries nothing of the input.
 */
export function createRedactor(options: RedactorOptions): Redactor {
  if (!options || !isRedactionTarget(options.target)) throw new RedactorConfigError('target must be "github" or "linear"');
  const target = options.target;
  let engine: DetectionEngine;
  let placeholder: RegExp;
  try {
    const extraPatterns = compileExtraPatterns(options.extraPatterns);
    placeholder = placeholderPattern([...builtinLabels(), ...extraPatterns.map((p) => kindInfo(p.kind).label)]);
    engine = new DetectionEngine({
      target,
      identity: buildIdentityMatchers(options.identity, target),
      extraPatterns,
      allow: (options.allow ?? []).filter((a): a is string => typeof a === 'string' && a.length > 0),
      placeholder,
      phones: new PhoneDetector(PhoneDetector.country(options.defaultPhoneCountry)),
    });
  } catch (error) {
    if (error instanceof RedactorConfigError) throw error;
    throw new RedactorConfigError(error instanceof Error ? error.message : 'invalid redactor options');
  }
  const book = new PlaceholderBook();

  async function run(text: string): Promise<RedactionResult> {
    if (typeof text !== 'string') throw new TypeError('text must be a string');
    // Reserve the numbers of placeholders already present (an earlier pass) before handing out new ones.
    placeholderSpans(text, placeholder, book);
    const candidates = await engine.detect(text, 0, { calls: 0 });
    const resolved = mergeCandidates(candidates);
    const findings: Finding[] = [];
    const parts: string[] = [];
    let pos = 0;
    for (const c of resolved) {
      const replacement = (c.keepPrefix ?? '') + book.placeholder(c.kind, c.key) + (c.keepSuffix ?? '');
      parts.push(text.slice(pos, c.start), replacement);
      pos = c.end;
      findings.push({ kind: c.kind, start: c.start, end: c.end, replacement, confidence: c.confidence, ...explainCandidate(c) });
    }
    parts.push(text.slice(pos));
    return { text: parts.join(''), findings };
  }

  return {
    target,
    redact(text: string): Promise<RedactionResult> {
      // Fail closed: whatever went wrong, the caller gets an error that says nothing about the input, and
      // files nothing. The original error is dropped on purpose: its message may quote the text.
      return run(text).catch(() => {
        throw new RedactionFailedError();
      });
    },
  };
}
