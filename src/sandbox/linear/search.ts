/** A document to rank: the identifier matches exactly, title words weigh double. */
export interface SearchDocument {
  identifier: string;
  title: string;
  body: string;
}

export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Relevance of a document to a search term: 0 when unrelated. Linear's ranking is full-text plus vectors; this
 * keeps what tests can rely on, namely that more shared words rank higher and an exact identifier ranks first.
 */
export function relevance(term: string, doc: SearchDocument): number {
  const trimmed = term.trim();
  if (!trimmed) return 0;
  if (trimmed.toUpperCase() === doc.identifier.toUpperCase()) return 1000;
  const words = new Set(searchWords(trimmed));
  if (words.size === 0) return 0;
  const title = new Set(searchWords(doc.title));
  const body = new Set(searchWords(doc.body));
  let score = 0;
  for (const word of words) {
    if (title.has(word)) score += 2;
    if (body.has(word)) score += 1;
  }
  if (score > 0 && doc.title.toLowerCase().includes(trimmed.toLowerCase())) score += 1;
  return score;
}
