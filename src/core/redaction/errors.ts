/** `redact()` failed; the message is fixed and never carries any part of the input. */
export class RedactionFailedError extends Error {
  constructor() {
    super('redaction failed; nothing may be filed from this text');
    this.name = 'RedactionFailedError';
  }
}

/** The redactor's options are invalid (config, not customer text). */
export class RedactorConfigError extends Error {
  constructor(message: string) {
    super(`invalid redactor options: ${message}`);
    this.name = 'RedactorConfigError';
  }
}
