/**
 * Bodies that are words, not random draws: `s.AcceptanceTimeoutSeconds`, `searchConfluenceUsingCql`,
 * `xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere`, `s.THISSTRINGISALLUPPERCASE`, `…-####`. A provider's secret is drawn
 * from its alphabet at random; camel-case words, or one case of letters alone from an alphabet that has
 * digits, are identifiers and placeholders that happen to fit the length.
 */

const CAMEL_WORDS = /^[A-Za-z]?[a-z]{2,}(?:[A-Z][a-z]{2,}){2,}[A-Z]?[a-z]*$/;

export function isWordLikeBody(body: string, alphabetHasDigits: boolean): boolean {
  if (body.length < 12) return false;
  const core = body.replace(/^[\d_.-]{1,4}/, '');
  if (CAMEL_WORDS.test(core) || /[#*•]{4}/.test(body) || /^[A-Za-z]+(?:here|goes_?here)$/i.test(core)) return true;
  return alphabetHasDigits && core.length >= 16 && (/^[A-Z]+$/.test(core) || /^[a-z]+$/.test(core));
}

/** Whether a family's body (or value) source draws from digits as well as letters. */
export function hasDigits(source: string): boolean {
  return source.includes('0-9') || source.includes('\\d');
}
