import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor, RedactionFailedError } from '../../../src/core/redaction/index.js';

const SECRET_TEXT = 'ticket from jane@hooli.xyz with password=Sup3rS3cret!';
const realExec = RegExp.prototype.exec;

afterEach(() => {
  RegExp.prototype.exec = realExec;
});

describe('fail closed', () => {
  it('rejects with an error that carries no part of the input when a detector throws', async () => {
    const redactor = createRedactor({ target: 'github' });
    // A detector failing with the input in its message, as some libraries do.
    RegExp.prototype.exec = function exec(this: RegExp, s: string) {
      throw new Error(`cannot scan ${s}`);
    };
    let error: unknown;
    try {
      await redactor.redact(SECRET_TEXT);
    } catch (e) {
      error = e;
    }
    RegExp.prototype.exec = realExec;
    expect(error).toBeInstanceOf(RedactionFailedError);
    const err = error as Error;
    const shown = `${err.message} ${err.stack ?? ''} ${JSON.stringify(err)} ${String((err as { cause?: unknown }).cause ?? '')}`;
    for (const piece of ['jane', 'hooli', 'Sup3r', 'password']) expect(shown).not.toContain(piece);
  });

  it('rejects (never throws synchronously) on non-string input', async () => {
    const redactor = createRedactor({ target: 'github' });
    const pending = redactor.redact(42 as unknown as string);
    await expect(pending).rejects.toBeInstanceOf(RedactionFailedError);
  });

  it('keeps working after a failure', async () => {
    const redactor = createRedactor({ target: 'github' });
    await expect(redactor.redact(undefined as unknown as string)).rejects.toThrow(RedactionFailedError);
    expect((await redactor.redact('mail jane@hooli.xyz')).text).toBe('mail [EMAIL_1]');
  });
});
