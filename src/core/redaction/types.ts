/**
 * The contract between the redaction engine and the rest of triage. Everything bound for Linear or GitHub
 * passes through a `Redactor` built for that destination before any request is made.
 */

/** Where text is going decides how much is stripped: GitHub issues may be public, Linear is internal. */
export type RedactionTarget = 'github' | 'linear';

export type Confidence = 'high' | 'medium' | 'low';

/** A person known for the ticket; either part may be missing. */
export interface KnownContact {
  name?: string;
  email?: string;
}

/** Who the ticket is about. Matched case-insensitively, as whole words, in any script. */
export interface KnownIdentity {
  /** Customer (company) names, e.g. "Globex Corporation". */
  customers?: string[];
  /** The customer's domains, e.g. "globex.com"; found in emails, URLs and host names. */
  domains?: string[];
  contacts?: KnownContact[];
  /** Any other string that must not leave the machine (`--term`). */
  terms?: string[];
}

/** A team's own pattern from config. `pattern` is a JavaScript regular expression source (flags: gu). */
export interface ExtraPattern {
  kind: string;
  pattern: string;
}

export interface RedactorOptions {
  target: RedactionTarget;
  identity?: KnownIdentity;
  extraPatterns?: ExtraPattern[];
  /** Exact strings that are never redacted (config allow-list), e.g. a public status-page host. */
  allow?: string[];
  /**
   * ISO 3166-1 alpha-2 country used to read phone numbers written without a country code (default `US`).
   * Numbers with a `+` country code are found whatever this says.
   */
  defaultPhoneCountry?: string;
}

/** One thing removed. Never carries the original value. */
export interface Finding {
  /** e.g. `email`, `phone`, `github_token`, `card`, `customer`. */
  kind: string;
  /** Offsets in the input text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  replacement: string;
  confidence: Confidence;
  /** The rule family that found it: `key-name`, `provider-pattern`, `validator`, `context`, `http-header`, … */
  rule: string;
  /** Why, without the value: the key name, the validator, the context word. */
  why: string;
}

export interface RedactionResult {
  text: string;
  findings: Finding[];
}

/**
 * A redactor keeps one placeholder numbering across every text it redacts, so the same email in a
 * filing's title and body becomes `[EMAIL_1]` in both.
 */
export interface Redactor {
  readonly target: RedactionTarget;
  redact(text: string): Promise<RedactionResult>;
}
