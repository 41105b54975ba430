/**
 * The words of a request that are worth comparing with other tickets: lower-case, accents folded, a light
 * stemmer (so "dashboards" meets "dashboard" and "reporting" meets "report"), and no stop words. The stop words
 * include the vocabulary of triage's own ticket templates ("customer", "report", "priority", "backlog"...):
 * every filed ticket has them, so they say nothing about what a request is about.
 */

const ENGLISH = `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each even ever few for from further get gets got had has
have having he her here hers him his how i if in into is it its itself just let lets like may me might more most much
must my no nor not now of off on once only or other our ours out over own per please same she should so some such than
that the their theirs them then there these they this those through to too under until up upon us very via was we were
what when where which while who whom why will with within without would yet you your yours`;

/** Words every triage ticket (or every support request) carries. */
const TRIAGE = `ability able add added adding allow allows asap ask asked asking asks customer customers description
eta expected feature features fix help hello hi impact issue issues make need needed needs new option options possible
priority prioritized pylon report reported reporter reports request requested requests see status support team thanks
thank ticket tickets type use used user users using want wanted wants way work working works backlog linear github
enhancement cycle p0 p1 p2 p3 rubric triage`;

const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH.split(/\s+/), ...TRIAGE.split(/\s+/)].filter(Boolean));

/** Redaction placeholders (`[EMAIL_1]`, `[CUSTOMER]`) stand for removed text; they must not look like shared words. */
const PLACEHOLDER = /\[[A-Z][A-Z0-9_-]*\]/g;

/** Raw words, in order, original spelling kept (lower-cased): what a search box is given. */
export function rawWords(text: string): string[] {
  return text
    .replace(PLACEHOLDER, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A deliberately small stemmer: plural and verb endings only, never below four letters. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

function significant(word: string): boolean {
  if (word.length < 2) return false;
  // Short numbers (versions, counts) match everything and mean little; longer ones (error codes) stay.
  if (/^\d+$/.test(word) && word.length < 3) return false;
  return !STOP_WORDS.has(word);
}

/** The words that carry meaning, in order of first appearance, each once, spelled as written. */
export function keywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of rawWords(text)) {
    if (!significant(word) || !significant(stem(word))) continue;
    if (seen.has(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}

/** The stems of `keywords(text)`, as a set: what two texts are compared on. */
export function stems(text: string): Set<string> {
  return new Set(keywords(text).map(stem));
}
