import { convert } from 'html-to-text';

/**
 * Pylon keeps messages as HTML. The ticket's report goes into Markdown descriptions, so it is turned into
 * readable plain text: paragraphs and line breaks kept, lists as "- ", links as "text (url)", no wrapping
 * (Markdown reflows), images and tracking pixels dropped.
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['(', ')'] } },
      { selector: 'img', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
