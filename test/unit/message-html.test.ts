import { describe, expect, it } from 'vitest';
import { textToHtml, updateHtml, updateMarker } from '../../src/core/message-html.js';
import { findPostedMessage } from '../../src/core/posted-message.js';
import { replyTarget } from '../../src/core/reply-target.js';

describe('customer update as Pylon HTML', () => {
  it.each([
    ['One line', '<p>One line</p>'],
    ['First\nsecond\n\nNew paragraph', '<p>First<br>second</p><p>New paragraph</p>'],
    ['<script>alert("x")</script> & \'q\'', '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>'],
    ['a\r\n\r\n\r\nb\n', '<p>a</p><p>b</p>'],
  ])('%j', (text, html) => {
    expect(textToHtml(text)).toBe(html);
  });

  it('carries a hidden marker', () => {
    expect(updateHtml('Hi', updateMarker('abc'))).toBe('<p>Hi</p><!-- triage-update:abc -->');
  });
});

describe('finding a message an earlier attempt posted', () => {
  const marker = updateMarker('f1');
  const text = 'Thanks.\n\nFollow it here: https://x';
  const messages = [
    { id: 'old', message_html: '<p>Thanks.</p><p>Follow it here: https://x</p>', timestamp: '2026-11-01T10:00:00Z' },
    { id: 'other', message_html: '<p>Something else</p>', timestamp: '2026-11-26T10:00:00Z' },
  ];

  it('by its marker', () => {
    expect(findPostedMessage([...messages, { id: 'ours', message_html: `<p>x</p>${marker}`, timestamp: '2026-11-26T10:00:00Z' }], { marker, text, since: '2026-11-26T09:00:00Z' })?.id).toBe('ours');
  });

  it('by exactly its text when Pylon dropped the marker, but only since the attempt', () => {
    expect(findPostedMessage(messages, { marker, text, since: '2026-11-26T09:00:00Z' })).toBeUndefined();
    const again = { id: 'stripped', message_html: '<p>Thanks.</p><p>Follow it here: https://x</p>', timestamp: '2026-11-26T10:00:00Z' };
    expect(findPostedMessage([...messages, again], { marker, text, since: '2026-11-26T09:00:00Z' })?.id).toBe('stripped');
  });
});

describe('the message a reply answers', () => {
  const m = (id: string, at: string, extra: object = {}) => ({ id, timestamp: at, is_private: false, ...extra });
  it("is the customer's latest message, never an internal note", () => {
    const messages = [
      m('c1', '2026-11-01T10:00:00Z', { author: { contact: { id: 'c' } } }),
      m('agent', '2026-11-02T10:00:00Z', { author: { name: 'Sam' } }),
      m('c2', '2026-11-03T10:00:00Z', { author: { contact: { id: 'c' } } }),
      m('note', '2026-11-04T10:00:00Z', { is_private: true, author: { contact: { id: 'c' } } }),
    ];
    expect(replyTarget(messages)?.id).toBe('c2');
  });

  it('falls back on the latest public message, and is undefined without one', () => {
    expect(replyTarget([m('a', '2026-11-01T10:00:00Z'), m('b', '2026-11-02T10:00:00Z')])?.id).toBe('b');
    expect(replyTarget([m('n', '2026-11-01T10:00:00Z', { is_private: true })])).toBeUndefined();
  });
});
