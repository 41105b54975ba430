import type { Candidate } from '../candidate.js';
import { contextWord, words } from './context.js';

/**
 * Street addresses, best effort: a street-address shape (a house number with a street type, in the word order
 * of English, French, German/Dutch, and Spanish/Italian/Portuguese addresses) counts when a context word
 * agrees ("address", "Anschrift", "dirección", "lives at", "ship to" …) or when a postcode follows on the same
 * line. Then the span runs on over the postcode and town. P.O. boxes, addresses without a house number, and
 * free-form addresses of other countries are not covered (README: Redaction).
 */

const EN_TYPES = 'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Gardens|Grove|Row|Circle|Cir|Mews|Hill';
const FR_TYPES = 'rue|avenue|av\\.|boulevard|bd|bld|all[ée]e|chemin|place|impasse|quai|route|cours|passage|square';
const DE_NL_SUFFIXES = 'stra(?:ß|ss)e|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|straat|laan|plein|gracht|kade|singel|dijk|steeg';
const ROMANCE_TYPES = 'Calle|C/|Avenida|Avda\\.?|Av\\.|Plaza|Paseo|Carrer|Camino|Ronda|Via|Viale|Piazza|Corso|Largo|Vicolo|Rua|Travessa|Pra[çc]a|Alameda|Estrada';

const WORD = "[\\p{Lu}][\\p{L}'.-]{0,24}";
const SHAPES: readonly RegExp[] = [
  new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?[ \\t]{1,3}(?:${WORD}[ \\t]{1,3}){1,4}(?:${EN_TYPES})\\.?(?![\\p{L}])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,4}(?:[ \\t]{0,2}(?:bis|ter))?,?[ \\t]{1,3}(?:${FR_TYPES})[ \\t]{1,3}(?:(?:de|du|des|la|le|l'|d')[ \\t]{0,2}){0,2}(?:${WORD}[ \\t]{0,3}){1,4}`, 'giu'),
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${WORD}[ \\t-]{1,2}){0,2}[\\p{Lu}][\\p{L}-]{0,30}(?:${DE_NL_SUFFIXES})[ \\t]{1,3}\\d{1,4}[a-z]?(?![\\p{L}\\p{N}])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${ROMANCE_TYPES})[ \\t]{1,3}(?:(?:de|del|de la|dos|das|da|do|di|della|dei)[ \\t]{1,3}){0,2}(?:${WORD}[ \\t]{1,3}){0,4}${WORD},?[ \\t]{1,3}(?:n[º°o]\\.?[ \\t]{0,2})?\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])`, 'gu'),
];

const CONTEXT = words(
  [
    'address', 'addr', 'street', 'lives at', 'living at', 'located at', 'resides at', 'ship(?:ping)? to', 'deliver(?:y)? to',
    'billing', 'mailing', 'postal', 'residence', 'home', 'shipping',
    'adresse', 'anschrift', 'wohnhaft', 'wohnt', 'wohnort', 'lieferadresse', 'rechnungsadresse',
    'domicile', 'habite', 'demeurant', 'domicilio', 'direcci[óo]n', 'vive en', 'reside en',
    'endere[çc]o', 'morada', 'mora em', 'indirizzo', 'residente', 'abita', 'adres', 'woont', 'woonadres',
  ].join('|'),
);

/** What may follow on the line: a flat/suite, then postcode and town, in the usual national forms. */
const TAIL = /^(?:[ \t](?:N|S|E|W|NE|NW|SE|SW)\.?)?(?:,?[ \t]{1,3}(?:Apt|Apartment|Suite|Ste|Unit|Flat|#|Étage|Piso|Bus)\.?[ \t]{0,2}[\w-]{1,6})?(?:,?[ \t]{1,3}[\p{Lu}][\p{L}'.-]{1,30}(?:[ \t][\p{Lu}][\p{L}'.-]{1,30})?)?,?[ \t]{1,3}(?:[A-Z]{2}[ \t]{1,2})?(?:\d{5}(?:-\d{4})?|\d{4}[ \t]?[A-Z]{2}|\d{4}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{2}-\d{3})(?:,?[ \t]{1,3}[\p{Lu}][\p{L}'.-]{1,30}(?:[ \t-][\p{Lu}][\p{L}'.-]{1,30}){0,2})?/u;

/** Cheap tests run once over the whole text: a shape is only tried where its street words occur at all. */
const HINTS: readonly RegExp[] = [
  new RegExp(`(?<![\\p{L}])(?:${EN_TYPES})(?![\\p{L}])`, 'u'),
  new RegExp(`(?<![\\p{L}])(?:${FR_TYPES})(?![\\p{L}])`, 'iu'),
  new RegExp(`(?:${DE_NL_SUFFIXES})[ \\t]{1,3}\\d`, 'i'),
  new RegExp(`(?<![\\p{L}])(?:${ROMANCE_TYPES})[ \\t]`, 'u'),
];

export function detectAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/\d/.test(text)) return found;
  for (const [index, shape] of SHAPES.entries()) {
    if (!HINTS[index]?.test(text)) continue;
    shape.lastIndex = 0;
    for (let m = shape.exec(text); m !== null; m = shape.exec(text)) {
      const start = m.index;
      let end = start + m[0].length;
      while (end > start && /[\s,]/.test(text.charAt(end - 1))) end -= 1;
      const tail = TAIL.exec(text.slice(end, end + 120));
      const word = contextWord(text, start, end, CONTEXT, { before: 60, after: 0 });
      if (!word && !tail) continue;
      if (tail) end += tail[0].length;
      found.push({
        kind: 'address',
        start,
        end,
        confidence: word && tail ? 'high' : 'medium',
        key: text.slice(start, end).toLowerCase(),
        rule: 'context',
        why: word ? `street-address shape next to "${word.toLowerCase()}"` : 'street-address shape followed by a postcode',
      });
    }
  }
  return found;
}
