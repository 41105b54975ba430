import { htmlToText } from './html-text.js';

// Apart from message-html.ts: reading Pylon's HTML back loads html-to-text, which composing a message
// (every filing, every dry run) does not need.

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface PostedMessage {
  id: string;
  message_html: string;
  timestamp: string;
}

/**
 * The message an earlier attempt posted, if it went through: the one carrying our marker, or (when Pylon
 * dropped the comment) one with exactly our text posted since the attempt began.
 */
export function findPostedMessage<M extends PostedMessage>(messages: readonly M[], posted: { marker: string; text: string; since: string }): M | undefined {
  const byMarker = messages.find((m) => m.message_html.includes(posted.marker));
  if (byMarker) return byMarker;
  const since = Date.parse(posted.since);
  const text = normalize(posted.text);
  return messages.find((m) => Date.parse(m.timestamp) >= since && normalize(htmlToText(m.message_html)) === text);
}
