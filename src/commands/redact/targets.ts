/** Where redacted text goes: GitHub may be public (strict), Linear is internal (keeps the customer name). */
export const REDACT_TARGETS = ['github', 'linear'] as const;
