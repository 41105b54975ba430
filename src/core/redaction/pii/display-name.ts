import type { Candidate } from '../candidate.js';
import { isReservedEmailDomain } from '../email.js';

/**
 * The display name of a mailbox, `Jane Doe <jane.doe@gmail.com>` (From:/To:/Cc: lines, git authors, mailing
 * lists): a name written right before an address in angle brackets is the name of that address's owner. The
 * email detector takes the address; this takes the name when it has a person's shape (two to four capitalised
 * words, or `Doe, Jane`). Names of reserved example addresses are documentation and stay, as the address does.
 */

const MAILBOX = /(?<![\p{L}\p{M}.'’-])(["']?)(\p{Lu}[\p{L}\p{M}.'’-]{0,30}(?:,?[ \t]\p{L}[\p{L}\p{M}.'’-]{0,30}){1,3})\1[ \t]{0,2}<[^<>@\s]{1,64}@([^<>\s]{1,253})>/gu;

/** Words that start a role mailbox's name rather than a person's: `Support Team <…>`, `GitHub Actions <…>`. */
const ROLE = /^(?:the|team|support|sales|billing|info|help|no[- ]?reply|noreply|admin|ops|devops|security|notifications?|github|gitlab|jira|bot|alerts?|service|customer|mailer|postmaster)\b/i;

export function detectDisplayNames(text: string): Candidate[] {
  if (!text.includes('<') || !text.includes('@')) return [];
  const found: Candidate[] = [];
  MAILBOX.lastIndex = 0;
  for (let m = MAILBOX.exec(text); m !== null; m = MAILBOX.exec(text)) {
    const name = m[2] ?? '';
    const domain = (m[3] ?? '').replace(/[.,;]+$/, '');
    if (isReservedEmailDomain(domain) || ROLE.test(name) || /\b(?:team|bot|support|notifications?)$/i.test(name)) continue;
    const start = m.index + (m[1] ?? '').length;
    found.push({ kind: 'contact', start, end: start + name.length, confidence: 'medium', key: name, rule: 'context', why: 'a name before an email address' });
  }
  return found;
}
