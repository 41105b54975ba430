import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/core/html-text.js';

describe('htmlToText', () => {
  it.each([
    ['<p>Export times out.</p><p>Since Monday.</p>', 'Export times out.\n\nSince Monday.'],
    ['line one<br>line two', 'line one\nline two'],
    ['<ul><li>Open reports</li><li>Click export</li></ul>', '- Open reports\n- Click export'],
    ['See <a href="https://status.acme.example">status page</a>', 'See status page (https://status.acme.example)'],
    ['<a href="https://x.example">https://x.example</a>', 'https://x.example'],
    ['<p>Hi<img src="https://t.example/pixel.gif"></p>', 'Hi'],
    ['<h2>Steps</h2><p>1. Go</p>', 'Steps\n\n1. Go'],
    ['Tom &amp; Jerry &lt;3', 'Tom & Jerry <3'],
    ['<pre>at fn (app.js:10)\n  at main</pre>', 'at fn (app.js:10)\n  at main'],
  ])('%j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
