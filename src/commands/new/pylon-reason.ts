import { describePriority, type Priority } from '../../core/priority.js';
import type { PylonTicketInfo } from './options.js';

/** The sentence the ticket carries when Pylon's priority stands over the rubric's. */
export function pylonReason(ticket: Pick<PylonTicketInfo, 'number'>, priority: Priority): string {
  return `matches the priority of Pylon ticket #${ticket.number} (${describePriority(priority)})`;
}
