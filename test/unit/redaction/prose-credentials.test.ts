import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';

/**
 * Credentials stated in a sentence, in the languages of the key vocabulary: the words before the verb name the
 * field, the value after it must look like a credential. Values are made at run time.
 */
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
function secret(n = 24): string {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i += 1) out += ALNUM[bytes[i]! % ALNUM.length];
  // Mixed case and a digit, whatever the draw: the shape every credential check looks for.
  return `Q7${out}z`;
}

const STATED = [
  'the API key is {v}, thanks',
  'Our token was {v} until yesterday.',
  'The session is {v}',
  'la clé API est {v}',
  'mi contraseña es {v}',
  'a senha é {v}',
  'unser Passwort lautet {v}!',
  'Das API-Schlüssel ist jetzt {v}',
  'het wachtwoord is {v}',
  'la password è {v}',
  'lösenordet är {v}',
  'the access token is now "{v}".',
];

const BENIGN = [
  'the password is required',
  'the token is expired, please log in again',
  'token_count is 40961234 for this request',
  'the key is in the drawer',
  'the session is over',
  'the API key is missing from the request',
  'our password policy is strict',
  'die Sitzung ist abgelaufen',
  'le mot de passe est incorrect',
  'the secret is out',
  'This is 5 business days from filing',
];

describe('credentials stated in prose', () => {
  it.each(STATED)('%s', async (template) => {
    const value = secret();
    const redactor = createRedactor({ target: 'github' });
    const out = (await redactor.redact(template.replace('{v}', () => value))).text;
    expect(out).not.toContain(value);
    expect(out).not.toContain(value.slice(4, 16));
  });

  it.each(BENIGN)('keeps: %s', async (text) => {
    const redactor = createRedactor({ target: 'github' });
    expect((await redactor.redact(text)).text).toBe(text);
  });
});
