import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';
import { Gen, SEED } from './generators.js';

const g = new Gen(SEED);
const b64 = (s: string): string => Buffer.from(s).toString('base64');

async function redact(text: string): Promise<string> {
  return (await createRedactor({ target: 'github', identity: { domains: ['globex.com'] } }).redact(text)).text;
}

describe('encoded forms', () => {
  it('finds URL-encoded emails, also with + for spaces and double encoding, and numbers them like plain ones', async () => {
    expect(await redact('jane@hooli.xyz then email=jane%40hooli.xyz&x=1')).toBe('[EMAIL_1] then email=[EMAIL_1]&x=1');
    expect(await redact('q=contact+jane%40hooli.xyz+today')).toBe('q=[EMAIL_1]');
    expect(await redact('next=%2Fu%3Fe%3Djane%2540hooli.xyz')).toBe('next=[EMAIL_1]');
  });

  it('finds a base64-encoded email and redacts the whole encoded run', async () => {
    const encoded = b64('jane@hooli.xyz');
    expect(await redact(`X-User: ${encoded}`)).toBe('X-User: [EMAIL_1]');
  });

  it('redacts base64 values of a Kubernetes Secret whatever their key', async () => {
    const password = g.password();
    const url = b64(`postgres://app:${password}@db:5432/app`);
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  DATABASE_URL: ${url}\n  tls.key: ${b64(g.alnum(30))}\nstringData:\n  extra: ${g.alnum(20)}\n`;
    const out = await redact(manifest);
    expect(out).toContain('DATABASE_URL: [');
    expect(out).toContain('tls.key: [SECRET_');
    expect(out).toContain('extra: [SECRET_');
    expect(out).toContain('name: app');
    expect(out).not.toContain(url.slice(0, 12));
  });

  it('finds a token inside a base64 run outside any Secret manifest', async () => {
    const token = `${'gh' + 'p_'}${g.alnum(36)}`;
    const encoded = b64(`token=${token}`);
    const out = await redact(`echo ${encoded} | base64 -d`);
    expect(out).toBe('echo [GITHUB_TOKEN_1] | base64 -d');
  });

  it('redacts Basic credentials in full', async () => {
    const creds = b64(`svc:${g.password()}`);
    expect(await redact(`Authorization: Basic ${creds}`)).toBe('Authorization: Basic [BASIC_AUTH_1]');
  });

  it('leaves base64 that decodes to nothing sensitive alone', async () => {
    const benign = b64('hello world, all fine here');
    expect(await redact(`payload ${benign}`)).toBe(`payload ${benign}`);
  });
});
