import { classifyKeyName } from '../keys/classify.js';
import { NAME_MEMBERS, VALUE_MEMBERS } from '../keys/words.js';
import type { PairSink } from './pairs.js';

/**
 * XML and HTML-ish markup: an element named for its content (`<password>v</password>`, also with the value on
 * its own line, in CDATA or with a namespace prefix), name/value attribute records (`<add key="ApiKey"
 * value="v"/>`, `<property name="db.password" value="v"/>`, `<param name="token" value="v">`), an element
 * named for its `value` attribute (`<password value="v"/>`) and name/value element pairs
 * (`<name>db.password</name><value>v</value>`, Hadoop and Maven style), and an element whose `key` or `name`
 * attribute names its text (`<entry key="password">v</entry>`, Java properties XML). Plain `password="v"` attributes are
 * the assignment scanner's.
 */

const TAG = /<([A-Za-z_][\w:.-]{0,63})((?:\s[^<>]{0,2000})?)>/g;
const ATTRIBUTE = /([A-Za-z_][\w:.-]{0,63})\s{0,4}=\s{0,4}(?:"([^"]{0,4096})"|'([^']{0,4096})')/g;
const MAX_CONTENT = 8192;

function localName(tag: string): string {
  return tag.replace(/^[^:]*:/, '');
}

export function readMarkup(text: string, sink: PairSink): void {
  if (!text.includes('</') && !text.includes('/>')) return;
  let pendingName: { key: string; end: number } | undefined;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) {
    const tag = m[1] ?? '';
    const attrs = m[2] ?? '';
    const afterTag = m.index + m[0].length;
    const named = attrs.length > 1 ? attributes(text, tag, attrs, m.index + 1 + tag.length, sink) : undefined;
    if (attrs.endsWith('/')) continue;
    const content = elementContent(text, tag, afterTag);
    if (!content) continue;
    // `<entry key="password">v</entry>`: the attribute names the element's text.
    if (named !== undefined) {
      sink(named, content.start, content.end, 'xml', named);
      continue;
    }
    const name = localName(tag);
    const lower = name.toLowerCase();
    if (NAME_MEMBERS.has(lower) || lower === 'key') {
      pendingName = { key: text.slice(content.start, content.end).trim(), end: content.end };
      continue;
    }
    if (VALUE_MEMBERS.has(lower) && pendingName && content.start - pendingName.end < 400) {
      sink(pendingName.key, content.start, content.end, 'xml', pendingName.key);
      pendingName = undefined;
      continue;
    }
    if (classifyKeyName(name)) sink(name, content.start, content.end, 'xml');
  }
}

/** The text between `<tag>` and `</tag>` when the element holds only text (CDATA included). */
function elementContent(text: string, tag: string, from: number): { start: number; end: number } | null {
  let start = from;
  let end: number;
  if (text.startsWith('<![CDATA[', skipSpace(text, from))) {
    start = skipSpace(text, from) + 9;
    const close = text.slice(start, start + MAX_CONTENT).indexOf(']]>');
    if (close < 0) return null;
    end = start + close;
    if (!text.startsWith(`</${tag}`, skipSpace(text, end + 3))) return null;
  } else {
    const next = text.slice(from, from + MAX_CONTENT).indexOf('<');
    if (next < 0) return null;
    end = from + next;
    if (!text.startsWith(`</${tag}`, end)) return null;
  }
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  return end > start ? { start, end } : null;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < 200 && /\s/.test(text.charAt(i))) i += 1;
  return i;
}

/** Reports name/value attribute pairs; returns the name when no value attribute goes with it. */
function attributes(text: string, tag: string, attrs: string, offset: number, sink: PairSink): string | undefined {
  let name: string | undefined;
  const values: Array<{ start: number; end: number }> = [];
  ATTRIBUTE.lastIndex = 0;
  for (let a = ATTRIBUTE.exec(attrs); a !== null; a = ATTRIBUTE.exec(attrs)) {
    const attr = localName(a[1] ?? '').toLowerCase();
    const value = a[2] ?? a[3] ?? '';
    const start = offset + a.index + a[0].length - value.length - 1;
    if (NAME_MEMBERS.has(attr)) name = value;
    else if (VALUE_MEMBERS.has(attr)) values.push({ start, end: start + value.length });
  }
  for (const v of values) {
    if (name !== undefined) sink(name, v.start, v.end, 'xml-attribute', name);
    else if (classifyKeyName(localName(tag))) sink(localName(tag), v.start, v.end, 'xml-attribute');
  }
  void text;
  return values.length === 0 ? name : undefined;
}
