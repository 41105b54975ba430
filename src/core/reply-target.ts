/**
 * Pylon's reply endpoint answers a message (`message_id` is required). The customer update answers the
 * customer's latest message; when no message names a contact (an imported thread), the latest public one.
 * Internal notes are never replied to: Pylon refuses it, and the customer never saw them.
 */
export interface ThreadMessage {
  id: string;
  is_private: boolean;
  timestamp: string;
  author?: { contact?: { id: string } | undefined } | undefined;
}

export function replyTarget<M extends ThreadMessage>(messages: readonly M[]): M | undefined {
  const visible = messages.filter((m) => !m.is_private).sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  const fromCustomer = visible.filter((m) => m.author?.contact);
  return fromCustomer.at(-1) ?? visible.at(-1);
}
