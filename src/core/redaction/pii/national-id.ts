import type { Candidate } from '../candidate.js';
import { luhnValid } from '../card.js';
import { contextWord, words } from './context.js';

/**
 * National identity and tax numbers, found by shape, confirmed by their check digits where they have them,
 * and — for shapes that plenty of other numbers share — only next to a word that names them:
 *
 * | id                         | shape               | validator            | context needed            |
 * |----------------------------|---------------------|----------------------|---------------------------|
 * | UK National Insurance      | AB 12 34 56 C       | prefix rules         | yes                       |
 * | DE Steuer-ID               | 11 digits           | ISO 7064 mod 11,10   | yes                       |
 * | FR NIR / INSEE             | 1 85 05 78 006 084 36 | 97 − n mod 97       | no when spaced, else yes  |
 * | ES DNI / NIE               | 12345678Z, X1234567L| mod-23 letter        | yes                       |
 * | IT codice fiscale          | RSSMRA85C03H501?    | check letter         | no                        |
 * | NL BSN                     | 9 digits            | 11-proof             | yes                       |
 * | BR CPF                     | 123.456.789-09      | two mod-11 digits    | no when punctuated        |
 * | IN Aadhaar                 | 1234 5678 9012      | Verhoeff             | yes                       |
 * | CA SIN                     | 123 456 789         | Luhn                 | yes                       |
 * | passports (any country)    | 6–9 letters/digits  | —                    | yes                       |
 *
 * US SSNs are ssn.ts's.
 */

interface IdRule {
  name: string;
  pattern: RegExp;
  context: RegExp;
  /** Cheap test for any of the context words, run once over the whole text. */
  anyContext: RegExp;
  validate: (raw: string) => boolean;
  /** Whether a valid number also counts without a context word (given the raw match). */
  standalone?: (raw: string) => boolean;
}

const digitsOf = (s: string): string => s.replace(/\D/g, '');

function steuerIdValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 11 || d.startsWith('0')) return false;
  let product = 10;
  for (let i = 0; i < 10; i += 1) {
    let sum = (Number(d[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(d[10]);
}

function nirValid(raw: string): boolean {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  if (compact.length !== 15) return false;
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(body)) return false;
  const key = 97 - Number(BigInt(body) % 97n);
  return key === Number(compact.slice(13));
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
function dniValid(raw: string): boolean {
  const compact = raw.replace(/[\s-]/g, '').toUpperCase();
  const nie = /^([XYZ])(\d{7})([A-Z])$/.exec(compact);
  if (nie) return DNI_LETTERS.charAt(Number(`${'XYZ'.indexOf(nie[1] ?? '')}${nie[2]}`) % 23) === nie[3];
  const dni = /^(\d{8})([A-Z])$/.exec(compact);
  return dni !== null && DNI_LETTERS.charAt(Number(dni[1]) % 23) === dni[2];
}

const CF_ODD: Readonly<Record<string, number>> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21, A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15,
  H: 17, I: 19, J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22,
  X: 25, Y: 24, Z: 23,
};
function codiceFiscaleValid(raw: string): boolean {
  const cf = raw.toUpperCase();
  if (cf.length !== 16) return false;
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const ch = cf.charAt(i);
    if (i % 2 === 0) sum += CF_ODD[ch] ?? 0;
    else sum += /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === cf.charAt(15);
}

function bsnValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 9) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0 && sum !== 0;
}

function cpfValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 11 || /^(\d)\1{10}$/.test(d)) return false;
  const check = (len: number): number => {
    let sum = 0;
    for (let i = 0; i < len; i += 1) sum += Number(d[i]) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === Number(d[9]) && check(10) === Number(d[10]);
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
function verhoeffValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 12) return false;
  let c = 0;
  for (let i = 0; i < d.length; i += 1) {
    const digit = Number(d[d.length - 1 - i]);
    c = VERHOEFF_D[c]?.[VERHOEFF_P[i % 8]?.[digit] ?? 0] ?? 0;
  }
  return c === 0;
}

function ninoValid(raw: string): boolean {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  return !/^(?:BG|GB|NK|KN|TN|NT|ZZ)/.test(compact);
}

// The left edge of each pattern is tested after its first character (`X(?<!B[^])` is `(?<!B)X` for a
// one-character X), so that the engine skips to where a match can start instead of stopping everywhere.
const RULES: readonly IdRule[] = [
  {
    name: 'UK National Insurance number',
    pattern: /[A-CEGHJ-PR-TW-Z](?<![A-Za-z0-9][^])[A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g,
    context: words('national insurance|nino|ni number|ni no\\.?|ni'),
    anyContext: /national insurance|nino|\bni\b/i,
    validate: ninoValid,
  },
  {
    name: 'German tax id (Steuer-ID)',
    pattern: /\d(?<![\d.,-][^])\d ?\d{3} ?\d{3} ?\d{3}(?![\d.,])/g,
    context: words('steuer-?id|steuer-?identifikationsnummer|steuerliche identifikationsnummer|identifikationsnummer|idnr\\.?|tin|tax id|steuernummer'),
    anyContext: /steuer|identifikation|idnr|\btin\b|tax id/i,
    validate: steuerIdValid,
  },
  {
    name: 'French social security number (NIR)',
    pattern: /[12](?<![\dA-Za-z][^]) ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}(?![\dA-Za-z])/g,
    context: words('s[ée]curit[ée] sociale|nir|insee|num[ée]ro de s[ée]cu|s[ée]cu|carte vitale|social security'),
    anyContext: /s[ée]curit|nir|insee|s[ée]cu|vitale|social security/i,
    validate: nirValid,
    standalone: (raw) => /\s/.test(raw),
  },
  {
    name: 'Spanish DNI/NIE',
    pattern: /(?:\d(?<![\dA-Za-z][^])\d{7}|[XYZxyz](?<![\dA-Za-z][^])[- ]?\d{7})[- ]?[A-Za-z](?![A-Za-z\d])/g,
    context: words('dni|nie|nif|d\\.n\\.i\\.?|documento nacional|documento de identidad|identidad|n\\.i\\.e\\.?'),
    anyContext: /dni|nie|nif|d\.n\.i|identidad/i,
    validate: dniValid,
  },
  {
    name: 'Italian codice fiscale',
    pattern: /[A-Za-z](?<![A-Za-z0-9][^])[A-Za-z]{5}\d{2}[A-EHLMPR-Ta-ehlmpr-t]\d{2}[A-Za-z]\d{3}[A-Za-z](?![A-Za-z0-9])/g,
    context: words('codice fiscale|c\\.f\\.|cf'),
    anyContext: /./,
    validate: codiceFiscaleValid,
    standalone: () => true,
  },
  {
    name: 'Dutch BSN',
    pattern: /\d(?<![\d.,-][^])\d{3}\.?\d{2}\.?\d{3}(?![\d.,])|\d(?<![\d.,-][^])\d{2}[ .]\d{3}[ .]\d{3}(?![\d.,])/g,
    context: words('bsn|burgerservicenummer|sofinummer|sofi-nummer|citizen service number'),
    anyContext: /bsn|burgerservice|sofi|citizen service/i,
    validate: bsnValid,
  },
  {
    name: 'Brazilian CPF',
    pattern: /\d(?<![\d.,-][^])\d{2}\.?\d{3}\.?\d{3}-?\d{2}(?![\d.,-])/g,
    context: words('cpf|cadastro de pessoas'),
    anyContext: /./,
    validate: cpfValid,
    standalone: (raw) => /^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(raw),
  },
  {
    name: 'Aadhaar number',
    pattern: /[2-9](?<![\d.,-][^])\d{3}[ -]?\d{4}[ -]?\d{4}(?![\d.,])/g,
    context: words('aadhaar|aadhar|uidai|uid|आधार'),
    anyContext: /aadha|uidai|\buid\b|आधार/i,
    validate: verhoeffValid,
  },
  {
    name: 'Canadian SIN',
    pattern: /\d(?<![\d.,-][^])\d{2}[ -]?\d{3}[ -]?\d{3}(?![\d.,])/g,
    context: words('sin|social insurance|nas|num[ée]ro d.assurance sociale|assurance sociale'),
    anyContext: /\bsin\b|social insurance|\bnas\b|assurance sociale/i,
    validate: (raw) => luhnValid(digitsOf(raw)),
  },
  {
    name: 'passport number',
    pattern: /(?<![A-Za-z0-9])(?=[A-Z0-9]{0,8}\d)[A-Z0-9]{6,9}(?![A-Za-z0-9])/g,
    context: words('passport(?: no\\.?| number| #)?|reisepass(?:nummer)?|passeport|pasaporte|passaporto|passaporte|paspoort'),
    anyContext: /passport|reisepass|passeport|pasaporte|passaport|paspoort/i,
    validate: (raw) => /[A-Z]/.test(raw) || raw.length >= 8,
  },
];

export function detectNationalIds(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const rule of RULES) {
    const anywhere = rule.standalone !== undefined;
    if (!anywhere && !rule.anyContext.test(text)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      const raw = m[0];
      if (!rule.validate(raw)) continue;
      const start = m.index;
      const end = start + raw.length;
      const word = contextWord(text, start, end, rule.context, { before: 40, after: 16 });
      if (!word && !(rule.standalone?.(raw) ?? false)) continue;
      found.push({
        kind: 'national_id',
        start,
        end,
        confidence: word ? 'high' : 'medium',
        key: raw.replace(/[\s.-]/g, '').toUpperCase(),
        rule: word ? 'validator+context' : 'validator',
        why: word ? `${rule.name}: checks out, next to "${word.toLowerCase()}"` : `${rule.name}: shape and check digits`,
      });
    }
  }
  return found;
}
