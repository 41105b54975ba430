import { withAgreed, type SidePriority } from '../core/sync/agreed.js';
import { withGuardedRetry } from './guarded-retry.js';
import type { StepRunner } from './step-runner.js';

/** The Pylon ticket a filing started from, as both kinds of plan describe it. */
export interface PylonTicketPlan {
  ticketId: string;
  number: number;
  link: string;
  fieldSlug: string;
  setPriorityTo?: string;
  agreedPriority: SidePriority;
}

interface PylonResults {
  pylonPriority?: { value: string };
  pylonLink?: { sources: string[] };
  pylonAttachment?: { attachmentId: string };
}

/** Sets a value: repeating it changes nothing, so no look-up is needed. */
export async function setPylonPriority(run: StepRunner, results: PylonResults, ticket: PylonTicketPlan): Promise<void> {
  if (!ticket.setPriorityTo || results.pylonPriority) return;
  run.at('pylonPriority');
  const pylon = await run.services.pylon();
  run.progress(`Setting the priority of Pylon ticket #${ticket.number} to ${ticket.setPriorityTo}`);
  await pylon.updateIssueCustomFields(ticket.ticketId, [{ slug: ticket.fieldSlug, value: ticket.setPriorityTo }]);
  results.pylonPriority = { value: ticket.setPriorityTo };
  await run.save();
}

/** Links by id: linking what is already linked changes nothing. */
export async function linkPylonTicket(run: StepRunner, results: PylonResults, ticket: PylonTicketPlan, issues: { linearId: string; github?: { repo: string; number: number } | undefined }): Promise<void> {
  if (results.pylonLink) return;
  run.at('pylonLink');
  const pylon = await run.services.pylon();
  run.progress(`Linking Pylon ticket #${ticket.number} to the issues`);
  const links = [{ source: 'linear', external_issue_id: issues.linearId }];
  if (issues.github) links.push({ source: 'github', external_issue_id: `${issues.github.repo}/${issues.github.number}` });
  await pylon.linkExternalIssues(ticket.ticketId, links);
  results.pylonLink = { sources: links.map((l) => l.source) };
  await run.save();
}

/**
 * The Linear attachment that links the ticket. The agreed priority lives on it, where every `triage sync`
 * runner reads it; Linear keeps one attachment per URL on an issue, so repeating this cannot duplicate it.
 */
export async function attachPylonTicket(run: StepRunner, results: PylonResults, ticket: PylonTicketPlan, issue: { id: string; title: string }): Promise<void> {
  if (results.pylonAttachment) return;
  run.at('pylonAttachment');
  const linear = await run.services.linear();
  run.progress(`Attaching Pylon ticket #${ticket.number} to the Linear issue`);
  const attachmentId = await withGuardedRetry(
    () =>
      linear.attach({
        issueId: issue.id,
        url: ticket.link,
        title: `Pylon #${ticket.number}`,
        subtitle: issue.title,
        metadata: withAgreed({ source: 'triage', filingId: run.record.id }, ticket.agreedPriority, run.now()),
      }),
    async () => (await linear.attachments(issue.id)).find((a) => a.url === ticket.link)?.id,
  );
  results.pylonAttachment = { attachmentId };
  await run.save();
}
