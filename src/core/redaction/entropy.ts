/** Shannon entropy in bits per character. */
const ASCII_COUNTS = new Uint32Array(128);

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // Fast path for ASCII (every token and key): counts in a reused table, no allocation.
  let ascii = true;
  for (let i = 0; i < value.length && ascii; i += 1) ascii = value.charCodeAt(i) < 128;
  if (ascii) {
    ASCII_COUNTS.fill(0);
    for (let i = 0; i < value.length; i += 1) ASCII_COUNTS[value.charCodeAt(i)] = (ASCII_COUNTS[value.charCodeAt(i)] ?? 0) + 1;
    let bits = 0;
    for (let c = 0; c < 128; c += 1) {
      const count = ASCII_COUNTS[c] ?? 0;
      if (count === 0) continue;
      const p = count / value.length;
      bits -= p * Math.log2(p);
    }
    return bits;
  }
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  const length = [...value].length;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function characterClasses(value: string): number {
  let classes = 0;
  if (/[a-z]/.test(value)) classes += 1;
  if (/[A-Z]/.test(value)) classes += 1;
  if (/[0-9]/.test(value)) classes += 1;
  if (/[^A-Za-z0-9]/.test(value)) classes += 1;
  return classes;
}

export const UUID = /^[{(]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[})]?$/i;

/**
 * Whether a value under a token-like key (`token=`, `api_key:`) looks machine-generated rather than a word.
 * Words and snake/kebab identifiers (`bearer`, `expired`, `access_token`) and plain numbers are not secrets;
 * UUIDs and long hex are (context already said "token"), as is anything long and mixed.
 */
export function looksRandom(value: string): boolean {
  if (value.length < 8 || value.length > 4096) return false;
  if (/^\d+$/.test(value)) return false;
  // URLs, paths and file names (an S3 object key, a config path) are long and mixed but not secret.
  if (/^[a-z][a-z0-9+.-]{0,30}:\/\//i.test(value) || /^(?:~|\.{1,2})?\//.test(value)) return false;
  if (/\//.test(value) && /\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(value)) return false;
  if (UUID.test(value)) return true;
  if (/^[0-9a-f]{16,}$/i.test(value)) return true;
  if (/^[A-Za-z]+(?:[-_. ][A-Za-z]+)*$/.test(value)) return false;
  const classes = characterClasses(value);
  if (value.length >= 20 && classes >= 2 && shannonEntropy(value) >= 3) return true;
  return value.length >= 10 && classes >= 2 && /\d/.test(value) && shannonEntropy(value) >= 2.8;
}
