/**
 * Values for the corpus, generated at run time: no token-shaped string, card number, IBAN or SSN is ever
 * committed. Prefixes are split ('gh' + 'p_') so that the source itself never holds a scannable token.
 *
 * Randomness is seeded (REDACTION_SEED, else random) and the seed is printed, so a failure can be replayed.
 */
import { randomInt } from 'node:crypto';

export interface Generated {
  /** What goes into the text. */
  value: string;
  /** The part that must not survive even in pieces (the random body, without a public prefix). */
  secret: string;
}

export function makeRandom(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED = process.env.REDACTION_SEED ? Number(process.env.REDACTION_SEED) : randomInt(1, 2 ** 31 - 1);

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;

export class Gen {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = makeRandom(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('empty');
    return item;
  }

  chars(n: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < n; i += 1) out += alphabet.charAt(this.int(0, alphabet.length - 1));
    return out;
  }

  /** Random, and guaranteed to mix upper case, lower case and digits (as real tokens do). */
  alnum(n: number): string {
    for (;;) {
      const s = this.chars(n, ALNUM);
      if (n < 3 || (/[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s))) return s;
    }
  }

  hex(n: number): string {
    for (;;) {
      const s = this.chars(n, '0123456789abcdef');
      if (/[a-f]/.test(s) && /\d/.test(s)) return s;
    }
  }

  digits(n: number): string {
    return this.chars(n, DIGITS);
  }

  upperAlnum(n: number): string {
    return this.chars(n, UPPER + DIGITS);
  }

  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }

  password(): string {
    for (;;) {
      const s = this.chars(16, `${ALNUM}!*~_-`);
      if (/[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s) && /^[A-Za-z0-9]/.test(s)) return s;
    }
  }
}

const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

function luhnComplete(partial: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const candidate = partial + String(d);
    let sum = 0;
    let double = false;
    for (let i = candidate.length - 1; i >= 0; i -= 1) {
      let v = candidate.charCodeAt(i) - 48;
      if (double) {
        v *= 2;
        if (v > 9) v -= 9;
      }
      sum += v;
      double = !double;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

function ibanFor(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** National identity numbers with valid check digits (see src/core/redaction/pii/national-id.ts). */
export const nationalIds = {
  nir(g: Gen): string {
    const body = `${g.int(1, 2)}${g.digits(2)}${String(g.int(1, 12)).padStart(2, '0')}${String(g.int(1, 95)).padStart(2, '0')}${g.digits(3)}${g.digits(3)}`;
    const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');
    return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
  },
  steuerId(g: Gen): string {
    const d = `${g.int(1, 9)}${g.digits(9)}`;
    let product = 10;
    for (let i = 0; i < 10; i += 1) {
      let sum = (Number(d[i]) + product) % 10;
      if (sum === 0) sum = 10;
      product = (sum * 2) % 11;
    }
    return `${d}${(11 - product) % 10}`;
  },
  dni(g: Gen): string {
    const n = g.digits(8);
    return `${n}${'TRWAGMYFPDXBNJZSQVHLCKE'.charAt(Number(n) % 23)}`;
  },
  nie(g: Gen): string {
    const lead = g.int(0, 2);
    const n = g.digits(7);
    return `${'XYZ'.charAt(lead)}${n}${'TRWAGMYFPDXBNJZSQVHLCKE'.charAt(Number(`${lead}${n}`) % 23)}`;
  },
  codiceFiscale(g: Gen): string {
    const odd: Record<string, number> = {
      0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21, A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15,
      H: 17, I: 19, J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22,
      X: 25, Y: 24, Z: 23,
    };
    const L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const body = `${g.chars(6, L)}${g.digits(2)}${g.pick([...'ABCDEHLMPRST'])}${String(g.int(1, 28)).padStart(2, '0')}${g.chars(1, L)}${g.digits(3)}`;
    let sum = 0;
    for (let i = 0; i < 15; i += 1) {
      const ch = body.charAt(i);
      sum += i % 2 === 0 ? (odd[ch] ?? 0) : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
    }
    return body + String.fromCharCode(65 + (sum % 26));
  },
  bsn(g: Gen): string {
    for (;;) {
      const d = g.digits(8);
      let sum = 0;
      for (let i = 0; i < 8; i += 1) sum += Number(d[i]) * (9 - i);
      const last = sum % 11;
      if (last <= 9 && sum !== last) return `${d}${last}`;
    }
  },
  cpf(g: Gen): string {
    const d = g.digits(9);
    const check = (s: string): number => {
      let sum = 0;
      for (let i = 0; i < s.length; i += 1) sum += Number(s[i]) * (s.length + 1 - i);
      const r = (sum * 10) % 11;
      return r === 10 ? 0 : r;
    };
    const d10 = `${d}${check(d)}`;
    const full = `${d10}${check(d10)}`;
    return `${full.slice(0, 3)}.${full.slice(3, 6)}.${full.slice(6, 9)}-${full.slice(9)}`;
  },
  aadhaar(g: Gen): string {
    const d = `${g.int(2, 9)}${g.digits(10)}`;
    let c = 0;
    for (let i = 0; i < d.length; i += 1) c = VERHOEFF_D[c]?.[VERHOEFF_P[(i + 1) % 8]?.[Number(d[d.length - 1 - i])] ?? 0] ?? 0;
    const full = `${d}${VERHOEFF_INV[c]}`;
    return `${full.slice(0, 4)} ${full.slice(4, 8)} ${full.slice(8)}`;
  },
  sin(g: Gen): string {
    const n = luhnComplete(`${g.int(1, 7)}${g.digits(7)}`);
    return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  },
  nino(g: Gen): string {
    return `${g.pick([...'ABCEGHJKLMNPRSTWXYZ'])}${g.pick([...'ABCEGHJKLMNPRSTWXYZ'])} ${g.digits(2)} ${g.digits(2)} ${g.digits(2)} ${g.pick([...'ABCD'])}`;
  },
};

const group4 = (s: string, sep = ' '): string => s.replace(/(.{4})(?=.)/g, `$1${sep}`);

function pem(g: Gen, label: string, escaped = false): Generated {
  const lines: string[] = [];
  for (let i = 0; i < 12; i += 1) lines.push((i === 0 ? 'MIIEpAIBAAKCAQEA' : '') + g.chars(i === 0 ? 48 : 64, `${ALNUM}+/`));
  const body = lines.join(escaped ? '\\n' : '\n');
  const nl = escaped ? '\\n' : '\n';
  return { value: `-----BEGIN ${label}-----${nl}${body}${nl}-----END ${label}-----`, secret: lines.join('') };
}

const FIRST_NAMES = ['Oliver', 'Amelia', 'Kenji', 'Sofia', 'Mateo', 'Ingrid', 'Aarav', 'Chloé', 'Dmitri', 'Fatima', 'Jean-Luc', 'Siobhan'];
const LAST_NAMES = ['Whitfield', 'Nakamura', 'Rossi', 'Okonkwo', 'Lindqvist', 'Fernández', 'Ó Súilleabháin', 'Kowalczyk', 'Haddad', 'Van der Berg', 'Petrov', 'Moreau'];

const LOGIN_PARTS = ['oliver', 'amelia', 'kenji', 'sofia', 'mateo', 'whitfield', 'nakamura', 'rossi', 'okonkwo', 'lindqvist', 'jk', 'pw'];

/** Every `{{NAME}}` the corpus may use. */
export function generators(g: Gen): Record<string, () => Generated> {
  const token = (prefix: string, body: string): Generated => ({ value: prefix + body, secret: body });
  const plain = (value: string): Generated => ({ value, secret: value });
  const jwt = (): Generated => {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ sub: g.uuid(), email: 'jose.garcia@globex.com', iat: 1710000000 + g.int(0, 9999) }));
    const signature = b64url(Buffer.from(g.hex(64), 'hex'));
    return { value: `${header}.${payload}.${signature}`, secret: `${payload}.${signature}` };
  };
  const card = (prefix: string, length: number): string => luhnComplete(prefix + g.digits(length - prefix.length - 1));
  const publicIpv4 = (): string => `${g.pick([23, 34, 52, 81, 104, 151, 185, 212])}.${g.int(1, 254)}.${g.int(1, 254)}.${g.int(1, 254)}`;
  return {
    GITHUB_TOKEN: () => token('gh' + 'p_', g.alnum(36)),
    GHO_TOKEN: () => token('gh' + 'o_', g.alnum(36)),
    GHU_TOKEN: () => token('gh' + 'u_', g.alnum(36)),
    GHS_TOKEN: () => token('gh' + 's_', g.alnum(36)),
    GHR_TOKEN: () => token('gh' + 'r_', g.alnum(36)),
    GITHUB_PAT: () => token('github' + '_pat_', `${g.alnum(22)}_${g.alnum(59)}`),
    NPM_TOKEN: () => token('np' + 'm_', g.alnum(36)),
    LINEAR_KEY: () => token('lin' + '_api_', g.alnum(40)),
    LINEAR_OAUTH: () => token('lin' + '_oauth_', g.hex(64)),
    PYLON_TOKEN: () => token('pylon' + '_api_', g.alnum(40)),
    PYLON_EU_TOKEN: () => token('pylon' + '_api_eu_', g.alnum(40)),
    SLACK_BOT: () => token('xo' + 'xb-', `${g.digits(12)}-${g.digits(13)}-${g.alnum(24)}`),
    SLACK_USER: () => token('xo' + 'xp-', `${g.digits(12)}-${g.digits(12)}-${g.digits(13)}-${g.hex(32)}`),
    SLACK_WEBHOOK: () => token('https://hooks.slack.com/services/', `T${g.upperAlnum(8)}/B${g.upperAlnum(10)}/${g.alnum(24)}`),
    STRIPE_SK: () => token('sk' + '_live_', g.alnum(24)),
    STRIPE_RK: () => token('rk' + '_live_', g.alnum(24)),
    WHSEC: () => token('wh' + 'sec_', g.alnum(32)),
    AWS_AKID: () => token('AK' + 'IA', g.upperAlnum(16)),
    AWS_SECRET: () => plain(`${g.alnum(20)}/${g.alnum(19)}`),
    GOOGLE_KEY: () => token('AI' + 'za', `Sy${g.chars(33, `${ALNUM}_-`)}`),
    GITLAB_PAT: () => token('gl' + 'pat-', g.alnum(20)),
    OPENAI_KEY: () => token('sk' + '-proj-', g.alnum(48)),
    JWT: jwt,
    BEARER: () => plain(g.alnum(40)),
    ALNUM32: () => plain(g.alnum(32)),
    HEX32: () => plain(g.hex(32)),
    HEX64: () => plain(g.hex(64)),
    PASSWORD: () => plain(g.password()),
    PASSWORD2: () => plain(g.password()),
    UUID_SECRET: () => plain(g.uuid()),
    BASIC_B64: () => plain(Buffer.from(`svc-deploy:${g.password()}`).toString('base64')),
    B64_PASSWORD: () => plain(Buffer.from(g.password()).toString('base64')),
    K8S_DB_URL_B64: () => plain(Buffer.from(`postgres://app:${g.password()}@db.prod.svc:5432/app`).toString('base64')),
    B64_GITHUB_TOKEN: () => plain(Buffer.from(`${'gh' + 'p_'}${g.alnum(36)}`).toString('base64')),
    B64_EMAIL: () => plain(Buffer.from('jane.doe@globex.com').toString('base64')),
    B64_JSON_EMAIL: () => plain(Buffer.from(JSON.stringify({ user: 'hank@initech.io', plan: 'pro' })).toString('base64')),
    URLENC_TOKEN: () => {
      const body = g.alnum(36);
      return { value: encodeURIComponent(`token ${'gh' + 'p_'}${body}`), secret: body };
    },
    PEM_RSA: () => pem(g, 'RSA PRIVATE KEY'),
    PEM_OPENSSH: () => pem(g, 'OPENSSH PRIVATE KEY'),
    PEM_EC: () => pem(g, 'EC PRIVATE KEY'),
    PEM_PKCS8_JSON: () => pem(g, 'PRIVATE KEY', true),
    PEM_TRUNCATED: () => {
      const lines = Array.from({ length: 4 }, () => g.chars(64, `${ALNUM}+/`));
      return { value: `-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}`, secret: lines.join('') };
    },
    CARD_VISA: () => plain(group4(card('4', 16))),
    CARD_VISA_COMPACT: () => plain(card('4', 16)),
    CARD_MC_DASHED: () => plain(group4(card(`5${g.int(1, 5)}`, 16), '-')),
    CARD_AMEX: () => {
      const n = card(g.pick(['34', '37']), 15);
      return plain(`${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`);
    },
    IBAN_DE: () => plain(group4(ibanFor('DE', g.digits(18)))),
    IBAN_GB: () => plain(ibanFor('GB', `NWBK${g.digits(14)}`)),
    IBAN_FR: () => plain(group4(ibanFor('FR', g.digits(23)))),
    SSN: () => plain(`${g.int(1, 665)}`.padStart(3, '0') + `-${String(g.int(1, 99)).padStart(2, '0')}-${String(g.int(1, 9999)).padStart(4, '0')}`),
    SSN_BARE: () => plain(`${g.int(100, 665)}${String(g.int(10, 99))}${String(g.int(1000, 9999))}`),
    IPV4_PUBLIC: () => plain(publicIpv4()),
    IPV6_PUBLIC: () => plain(`2a02:${g.hex(4)}:${g.hex(4)}:1f00::${g.hex(3)}`),
    MAC: () => plain(Array.from({ length: 6 }, () => g.hex(2)).join(':').replace(/^00/, '3c')),
    MAC_DASHED: () => plain(Array.from({ length: 6 }, () => g.hex(2).toUpperCase()).join('-').replace(/^00/, 'A4')),
    // benign, generated because they are id-shaped
    SHA40: () => plain(g.hex(40)),
    DIGEST: () => plain(`sha256:${g.hex(64)}`),
    UUID: () => plain(g.uuid()),
    EVT_ID: () => plain(`evt_${g.alnum(24)}`),
    CUS_ID: () => plain(`cus_${g.alnum(14)}`),
    PI_ID: () => plain(`pi_${g.alnum(24)}`),
    CH_ID: () => plain(`ch_${g.alnum(24)}`),
    PK_LIVE: () => plain(`pk_live_${g.alnum(24)}`),
    MASKED_GITHUB_TOKEN: () => plain(`${'gh' + 'p_'}${'x'.repeat(36)}`),
    // values with no recognisable shape: only the key that names them gives them away
    HEX24: () => plain(g.hex(24)),
    B64_32: () => plain(Buffer.from(g.alnum(24)).toString('base64')),
    ALNUM12: () => plain(g.alnum(12)),
    SHORT_PW: () => plain(`${g.alnum(6)}!${g.int(10, 99)}`),
    NIR: () => plain(nationalIds.nir(g)),
    STEUER_ID: () => plain(nationalIds.steuerId(g)),
    DNI: () => plain(nationalIds.dni(g)),
    NIE: () => plain(nationalIds.nie(g)),
    CODICE_FISCALE: () => plain(nationalIds.codiceFiscale(g)),
    BSN: () => plain(nationalIds.bsn(g)),
    CPF: () => plain(nationalIds.cpf(g)),
    AADHAAR: () => plain(nationalIds.aadhaar(g)),
    SIN: () => plain(nationalIds.sin(g)),
    NINO: () => plain(nationalIds.nino(g)),
    PASSPORT: () => plain(`${g.chars(1, 'CFGHJKLMNPRTVWXYZ')}${g.digits(8)}`),
    MAC_CISCO: () => plain(`${g.hex(4)}.${g.hex(4)}.${g.hex(4)}`.replace(/^0000/, 'a4b1')),
    MAC_BARE: () => plain(g.hex(12)),
    FULL_NAME: () => plain(`${g.pick(FIRST_NAMES)} ${g.pick(LAST_NAMES)}`),
    // Ofcom's drama ranges: possible numbers that libphonenumber does not know as allocated
    GB_DRAMA_MOBILE: () => {
      const tail = g.digits(3);
      return plain(g.pick([`07700 900${tail}`, `07700-900-${tail}`, `07700900${tail}`, `(07700) 900 ${tail}`]));
    },
    GB_DRAMA_INTL: () => {
      const tail = g.digits(3);
      return plain(g.pick([`+44 7700 900${tail}`, `+44 (0)7700 900${tail}`, `+447700900${tail}`, `0044 7700 900${tail}`]));
    },
    LOGIN: () => plain(`${g.pick(LOGIN_PARTS)}${g.pick(['', '.', '_', '-'])}${g.pick(LOGIN_PARTS)}${g.pick(['', String(g.int(1, 99))])}`),
    WIN_PROFILE: () => plain(g.pick([`${g.pick(FIRST_NAMES)} ${g.pick(LAST_NAMES)}`, `${g.pick(FIRST_NAMES)}.${g.pick(LAST_NAMES)}`.replace(/ /g, '')])),
    // an app id is not a card number: the check digit is made wrong on purpose
    APP_ID: () => {
      const valid = luhnComplete(`${g.int(1, 9)}${g.digits(g.int(13, 14))}`);
      return plain(`${valid.slice(0, -1)}${(Number(valid.slice(-1)) + 1) % 10}`);
    },
    CLIENT_ID: () => plain(g.alnum(20)),
    ALNUM40: () => plain(g.alnum(40)),
    GB_DRAMA_GEO: () => plain(`01632 960${g.digits(3)}`),
  };
}

export type Fill = (template: string) => string;

/** Fills `{{NAME}}` (same value within one case) and `{{NAME#2}}` (another value of the same kind). */
export function filler(g: Gen): { fill: Fill; secretOf: (template: string) => string | undefined } {
  const make = generators(g);
  const values = new Map<string, Generated>();
  const resolve = (name: string): Generated | undefined => {
    const base = name.replace(/#\d+$/, '');
    const generate = make[base];
    if (!generate) return undefined;
    let v = values.get(name);
    if (!v) {
      v = generate();
      values.set(name, v);
    }
    return v;
  };
  return {
    fill: (template) => template.replace(/\{\{([A-Z0-9_]+(?:#\d+)?)\}\}/g, (whole, name: string) => resolve(name)?.value ?? whole),
    secretOf: (template) => {
      const m = /^\{\{([A-Z0-9_]+(?:#\d+)?)\}\}$/.exec(template);
      return m?.[1] ? resolve(m[1])?.secret : undefined;
    },
  };
}
