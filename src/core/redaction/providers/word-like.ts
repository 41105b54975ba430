/**
 * Bodies that are words, not random draws: `s.AcceptanceTimeoutSeconds`, `s.makeKubeConfigController`,
 * `xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere`, `s.THISSTRINGISALLUPPERCASE`, `…-####`. A provider's
 * secret is drawn from its alphabet at random; camel-case words (20 letters or more, every segment shaped like
 * a word: fewer than one random draw in 30,000 passes), masks, or one case of letters alone from a mixed
 * alphabet are identifiers and placeholders that happen to fit the length.
 */

/** Words of four letters or more, each capitalised after the first (the last may be short: `…IdKey`). */
const CAMEL_WORDS = /^[A-Za-z][a-z]{2,}(?:[A-Z][a-z]{3,}){2,}(?:[A-Z][a-z]{1,2})?$/;

export function isWordLikeBody(body: string, mixedAlphabet: boolean): boolean {
  if (body.length < 12) return false;
  const core = body.replace(/^\d{1,3}[-_.]/, ''); // `xoxe.xoxp-1-…`: a version before the words
  if ((core.length >= 20 && CAMEL_WORDS.test(core) && camelSegmentsAreWords(core)) || /[#*•]{4}/.test(body) || /^[A-Za-z]+(?:here|goes_?here)$/i.test(core)) return true;
  return mixedAlphabet && core.length >= 16 && (/^[A-Z]+$/.test(core) || /^[a-z]+$/.test(core));
}

/** Every segment has a vowel and no run of four consonants, as words do and random draws seldom do. */
function camelSegmentsAreWords(value: string): boolean {
  return value.split(/(?=[A-Z])/).every((w) => /[aeiouyAEIOUY]/.test(w) && !/[^aeiouyAEIOUY]{4}/.test(w));
}

/**
 * Whether a family's body (or value) source draws from both cases and digits: there, letters of one case alone
 * are an improbable draw ((26/62)^16 < 1e-6); from `[a-z0-9]` they are not.
 */
export function mixedAlphabet(source: string): boolean {
  // Every alternative must be mixed: `key[A-Za-z0-9]{14}|[a-z0-9]{17}` also draws lower case and digits alone.
  return source.split('|').every((alt) => alt.includes('A-Z') && alt.includes('a-z') && (alt.includes('0-9') || alt.includes('\\d')));
}
