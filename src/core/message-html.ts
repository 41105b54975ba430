/**
 * Pylon takes messages as HTML. Ours are plain text, so the text is escaped and only its structure becomes
 * markup: a blank line starts a new <p>, a single line break is a <br>. Nothing the text contains can turn
 * into markup, a link or a script.
 */
export function textToHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => `<p>${paragraph.split('\n').map((line) => escape(line.trim())).join('<br>')}</p>`)
    .join('');
}

/** Hidden in a posted update so a resumed run recognises its own message. */
export function updateMarker(id: string): string {
  return `<!-- triage-update:${id} -->`;
}

export function updateHtml(text: string, marker: string): string {
  return `${textToHtml(text)}${marker}`;
}
