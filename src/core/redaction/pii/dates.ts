import { foldAccents } from '../term-pattern.js';

/**
 * Calendar dates in the forms people write them: ISO (`1985-03-03`), day/month/year with `/ . -`, year first
 * with `/ .`, and with month names or abbreviations in English, German, French, Spanish, Portuguese, Italian and
 * Dutch (`3 March 1985`, `March 3, 1985`, `3. März 1985`, `le 3 mars 1985`, `3 de marzo de 1985`). Month words are
 * matched as any short word and looked up in a set, which keeps the patterns small and linear.
 */

const MONTH_WORDS = `
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  januar februar marz maerz mai juni juli oktober dezember jaen jänner
  janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre janv fevr avr juil
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene abr ago dic
  janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro fev set out dez
  gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug ott
  januari februari maart mei augustus oktober mrt okt
`;
const MONTHS: ReadonlySet<string> = new Set(MONTH_WORDS.split(/\s+/).filter(Boolean).map((w) => foldAccents(w)));

export function isMonthWord(word: string): boolean {
  return MONTHS.has(foldAccents(word).toLowerCase());
}

export interface DateSpan {
  start: number;
  end: number;
}

function plausible(day: number, month: number, year: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1900 && year <= 2030;
}

function year4(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n > 30 ? 1900 + n : 2000 + n) : n;
}

const NUMERIC = /(?<![\d.:/-])(?:(\d{4})([-/.])(\d{1,2})\2(\d{1,2})|(\d{1,2})([-/.])(\d{1,2})\6(\d{4}|\d{2}))(?![\d:]|[-/.]\d|T\d)/g;
const DAY_MONTH_YEAR = /(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?[ \t\u00a0]{1,3}(?:of[ \t]{1,3}|de[ \t]{1,3})?(\p{L}{3,10})\.?,?[ \t\u00a0]{1,3}(?:de[ \t]{1,3})?(\d{4})(?!\d)/gu;
const MONTH_DAY_YEAR = /(?<![\p{L}\p{N}])(\p{L}{3,10})\.?[ \t\u00a0]{1,3}(\d{1,2})(?:st|nd|rd|th)?,?[ \t\u00a0]{1,3}(\d{4})(?!\d)/gu;

/** Every plausible calendar date in `text` (numeric ones without a time glued to them). */
export function findDates(text: string): DateSpan[] {
  const found: DateSpan[] = [];
  if (!/\d/.test(text)) return found;
  NUMERIC.lastIndex = 0;
  for (let m = NUMERIC.exec(text); m !== null; m = NUMERIC.exec(text)) {
    const ok = m[1] !== undefined
      ? plausible(Number(m[4]), Number(m[3]), Number(m[1]))
      : plausible(Number(m[5]), Number(m[7]), year4(m[8] ?? '')) || plausible(Number(m[7]), Number(m[5]), year4(m[8] ?? ''));
    if (ok) found.push({ start: m.index, end: m.index + m[0].length });
  }
  DAY_MONTH_YEAR.lastIndex = 0;
  for (let m = DAY_MONTH_YEAR.exec(text); m !== null; m = DAY_MONTH_YEAR.exec(text)) {
    if (isMonthWord(m[2] ?? '') && plausible(Number(m[1]), 1, Number(m[3]))) found.push({ start: m.index, end: m.index + m[0].length });
  }
  MONTH_DAY_YEAR.lastIndex = 0;
  for (let m = MONTH_DAY_YEAR.exec(text); m !== null; m = MONTH_DAY_YEAR.exec(text)) {
    if (isMonthWord(m[1] ?? '') && plausible(Number(m[2]), 1, Number(m[3]))) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** A whole value that is a date (for a `dob`-named field): any form above, or `19850303`. */
export function looksLikeDate(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || v.length > 40) return false;
  if (/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(v)) return true;
  const dates = findDates(v);
  return dates.some((d) => d.start <= 2 && d.end >= v.length - 2);
}
