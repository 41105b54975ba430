import { describe, expect, it } from 'vitest';
import { createRedactor, type KnownIdentity } from '../../../src/core/redaction/index.js';

const identity: KnownIdentity = {
  customers: ['Globex Corporation', 'Initech, Inc.', 'Müller & Söhne GmbH', '株式会社山田商事'],
  domains: ['globex.com', 'https://www.initech.io/'],
  contacts: [
    { name: 'José García', email: 'jose.garcia@globex.com' },
    { name: 'Zoë Van der Berg' },
    { name: '山田 太郎' },
    { name: 'Will Grace' },
    { name: 'Jean-Luc Picard' },
  ],
  terms: ['Falcon-9 rollout'],
};

async function github(text: string): Promise<string> {
  return (await createRedactor({ target: 'github', identity }).redact(text)).text;
}

describe('customer names', () => {
  it('matches the full name and the name without its legal form, case-insensitively', async () => {
    expect(await github('Globex Corporation and GLOBEX and globex')).toBe('[CUSTOMER] and [CUSTOMER] and [CUSTOMER]');
    expect(await github('Initech, Inc. / Initech Inc / initech')).toBe('[CUSTOMER] / [CUSTOMER] Inc / [CUSTOMER]');
    expect(await github('Müller & Söhne GmbH; Müller & Söhne; Muller & Sohne')).toBe('[CUSTOMER]; [CUSTOMER]; [CUSTOMER]');
    expect(await github('株式会社山田商事の件、山田商事様より')).toBe('[CUSTOMER]の件、[CUSTOMER]様より');
  });

  it('matches whole words only', async () => {
    expect(await github('Globexian and preglobex stay; Globex-based goes')).toBe('Globexian and preglobex stay; [CUSTOMER]-based goes');
  });
});

describe('domains', () => {
  it('finds the domain in emails, URLs and host names, subdomains included', async () => {
    expect(await github('https://app.globex.com/x and api.initech.io:443')).toBe('https://app.[CUSTOMER_DOMAIN]/x and api.[CUSTOMER_DOMAIN]:443');
    expect(await github('mail it@globex.com')).toBe('mail [EMAIL_1]');
    expect(await github('db1.initech.internal and initech.local')).toBe('db1.[CUSTOMER_DOMAIN].internal and [CUSTOMER_DOMAIN].local');
    expect(await github('notglobex.com and globex.community')).toBe('notglobex.com and [CUSTOMER_DOMAIN].community');
  });
});

describe('contacts', () => {
  it('matches full names, accent-insensitively, and their parts alone', async () => {
    expect(await github('José García; Jose Garcia; Thanks, José; Mr. García')).toBe('[CONTACT_1]; [CONTACT_1]; Thanks, [CONTACT_1]; Mr. [CONTACT_1]');
    expect(await github('Zoe van der Berg, or just Zoë')).toBe('[CONTACT_1], or just [CONTACT_1]');
  });

  it('matches names written with combining accents (NFD)', async () => {
    expect(await github('Jose\u0301 Garci\u0301a')).toBe('[CONTACT_1]');
  });

  it('does not match particles and titles alone', async () => {
    expect(await github('van der Waals forces')).toBe('van der Waals forces');
  });

  it('matches CJK names literally, with or without the space', async () => {
    expect(await github('山田太郎様、山田 太郎さん、山田様')).toBe('[CONTACT_1]様、[CONTACT_1]さん、[CONTACT_1]様');
  });

  it('matches hyphenated names and their halves', async () => {
    expect(await github('Jean-Luc here. Luc again.')).toBe('[CONTACT_1] here. [CONTACT_1] again.');
  });

  it('matches name parts that are common words only as written', async () => {
    expect(await github('Thanks, Will. will it retry? the grace period; GRACE')).toBe('Thanks, [CONTACT_1]. will it retry? the grace period; [CONTACT_1]');
  });

  it('numbers people, not strings', async () => {
    expect(await github('José García wrote to Jean-Luc Picard; José again')).toBe('[CONTACT_1] wrote to [CONTACT_2]; [CONTACT_1] again');
  });

  it('strips a contact email even on a domain otherwise kept', async () => {
    const out = await createRedactor({ target: 'github', identity: { contacts: [{ email: 'qa@example.com' }] } }).redact('from qa@example.com');
    expect(out.text).toBe('from [EMAIL_1]');
  });
});

describe('terms', () => {
  it('matches terms case-insensitively as whole words', async () => {
    expect(await github('falcon-9 ROLLOUT is late')).toBe('[TERM_1] is late');
  });
});

describe('policy', () => {
  it('linear keeps the company and contact names but not contact emails or terms', async () => {
    const out = await createRedactor({ target: 'linear', identity }).redact(
      'Globex Corporation (app.globex.com): José García <jose.garcia@globex.com> on Falcon-9 rollout',
    );
    expect(out.text).toBe('Globex Corporation (app.globex.com): José García <[EMAIL_1]> on [TERM_1]');
  });
});
