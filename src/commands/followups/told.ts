import { withLastUpdate } from '../../core/followups.js';
import { priorityFromLinear } from '../../core/priority.js';
import type { LinearGateway } from '../../services/linear/gateway.js';
import type { LinearAttachment } from '../../services/linear/types.js';

/** What the customer was told, on the attachment (with whatever else its metadata holds). */
/** Shared by `triage followups --post` and `triage update --reply/--note`, so either counts as the last update. */
export async function recordTold(linear: LinearGateway, row: { attachment: LinearAttachment; issue: { state: { name: string; type: string }; priority: number } }, at: Date): Promise<void> {
  const metadata = withLastUpdate(row.attachment.metadata ?? {}, { at: at.toISOString(), stateType: row.issue.state.type, stateName: row.issue.state.name, priority: priorityFromLinear(row.issue.priority) ?? null });
  await linear.updateAttachmentMetadata(row.attachment.id, { title: row.attachment.title, metadata });
}

