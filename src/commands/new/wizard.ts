import { titleProblem } from '../../core/limits.js';
import type { Context } from '../../context.js';
import { CancelledError, InterruptedError } from '../../errors.js';
import type { Choice, Prompter } from '../../cli/prompter.js';
import { describePriority, PRIORITIES, PRIORITY_LABEL, type Priority } from '../../core/priority.js';
import { REQUEST_TYPE_INFO, REQUEST_TYPES, type RequestType } from '../../core/request-type.js';
import type { TriageConfig } from '../../config/config.js';
import type { AppendTarget } from '../../core/append-plan.js';
import type { ScoredCandidate } from '../../core/candidates.js';
import { readAppendTarget } from './append-target.js';
import type { CandidateSearch } from './candidates.js';
import { checkTypeFlags, parseContact, type NewOptions, type PylonTicketInfo } from './options.js';
import { decisionFor, prepareAppend, prepareNew, type CompleteOptions, type Planned } from './prepare.js';
import type { IO } from '../../cli/io.js';
import { appendPlanText, decisionLines, planText, updateBox } from './render.js';
import { reviewScreen } from './review-screen.js';
import { updateText } from './result-json.js';
import { findCandidates } from './run.js';
import { pylonReason } from './pylon-reason.js';

type ReviewAction = 'file' | 'title' | 'description' | 'type' | 'impact' | 'customer' | 'new' | 'append' | 'cancel';

/** The choice of a new ticket in the append-or-new question (identifiers never look like this). */
const NEW_TICKET = '(new)';

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The support process as a conversation. Each step is skipped when its flag was given. A feature request is
 * compared with the open tickets first, and the engineer chooses: append to one, or a new ticket. The review
 * shows what will be sent exactly as it will be sent (after redaction: both tickets, or the comments of an
 * append, and the customer update) and lets the engineer fix any field.
 * Everything is drawn on stderr: stdout stays for the result.
 */
export class NewWizard {
  private readonly prompter: Prompter;

  constructor(
    private readonly ctx: Context,
    private readonly config: TriageConfig,
    readonly options: NewOptions,
  ) {
    this.prompter = ctx.prompter;
  }

  async run(): Promise<{ options: CompleteOptions; planned: Planned; candidates: CandidateSearch | null }> {
    const o = this.options;
    this.ctx.io.err(this.ctx.io.color.bold('New support ticket') + this.ctx.io.color.dim('  (Ctrl-C to cancel: nothing is filed)'));
    if (o.pylonTicket) {
      const line = `Starting from Pylon ticket #${o.pylonTicket.number}: ${o.pylonTicket.title}`;
      const width = Math.min(this.ctx.io.columns, 80);
      this.ctx.io.err(line.length > width ? `${line.slice(0, width - 1)}…` : line);
    }
    if (!o.customer) await this.askCustomer();
    if (!o.type) await this.askType();
    if (!o.impact && !o.priority) await this.askImpact();
    if (!o.title) await this.askTitle();
    if (!o.body) await this.askDescription();
    // A feature request is first compared with the open tickets; the engineer decides: join one, or a new ticket.
    let existing: { target: AppendTarget; priority: Priority | null } | undefined = o.appendTo ? await readAppendTarget(this.ctx, o.appendTo) : undefined;
    let decidedNew = o.newTicket;
    let candidates: CandidateSearch | null = null;
    let searchedFor: string | undefined;
    for (;;) {
      checkTypeFlags(o);
      const complete = o as CompleteOptions;
      if (complete.type !== 'feature') existing = undefined;
      else if (!existing && !decidedNew) {
        const key = `${o.title}\n${o.body}`;
        if (searchedFor !== key) {
          searchedFor = key;
          candidates = await findCandidates(this.ctx, complete, this.config);
          const choice = candidates.candidates.length ? await this.askAppendOrNew(candidates.candidates) : NEW_TICKET;
          if (choice === NEW_TICKET) decidedNew = candidates.candidates.length > 0;
          else existing = await readAppendTarget(this.ctx, choice);
        }
      }
      const planned = existing ? await prepareAppend(this.ctx, complete, this.config, existing) : await prepareNew(this.ctx, complete, this.config);
      if (o.yes) return { options: complete, planned, candidates };
      const action = await this.review(planned, Boolean(candidates?.candidates.length));
      switch (action) {
        case 'file':
          return { options: complete, planned, candidates };
        case 'cancel':
          throw new CancelledError('Cancelled: nothing was filed');
        case 'new':
          existing = undefined;
          decidedNew = true;
          break;
        case 'append':
          decidedNew = false;
          searchedFor = undefined;
          break;
        case 'title':
          await this.askTitle();
          break;
        case 'description':
          await this.askDescription();
          break;
        case 'type':
          await this.askType();
          break;
        case 'impact':
          delete o.impact;
          delete o.priority;
          delete o.reason;
          await this.askImpact();
          break;
        case 'customer':
          await this.askCustomer();
          break;
      }
    }
  }

  private async askCustomer(): Promise<void> {
    const o = this.options;
    o.customer = await this.prompter.input('Customer (company name)', { required: true, ...(o.customer ? { default: o.customer } : {}) });
    if (o.customerDomains.length === 0) {
      const domains = await this.prompter.input("Customer's domains, comma-separated (optional: redacted everywhere)");
      o.customerDomains = splitList(domains).map((d) => d.toLowerCase());
    }
    if (o.contacts.length === 0) {
      const contacts = await this.prompter.input('Contacts: emails or names, comma-separated (optional: redacted)');
      o.contacts = splitList(contacts).map(parseContact);
    }
  }

  private async askType(): Promise<void> {
    const choices: Array<Choice<RequestType>> = REQUEST_TYPES.map((type) => ({
      value: type,
      name: REQUEST_TYPE_INFO[type].title,
      description: REQUEST_TYPE_INFO[type].meaning,
    }));
    this.options.type = await this.prompter.select('What kind of request is it?', choices, this.options.type ? { default: this.options.type } : {});
  }

  /** The rubric's questions, most urgent first; the answer shows the priority and status it leads to. */
  private async askImpact(): Promise<void> {
    const o = this.options;
    const choices = this.config.rubric.impacts.map((rule) => ({
      value: rule.value,
      name: `${rule.question ?? rule.meaning}`,
      description: `${describePriority(rule.priority)}: ${rule.meaning}`,
    }));
    o.impact = await this.prompter.select('Which best describes the impact? (most urgent first)', choices);
    const decision = decisionFor(o, this.config);
    const c = this.ctx.io.color;
    this.ctx.io.err(`  → ${c.bold(describePriority(decision.priority))}, ${decision.status === 'prioritized' ? 'Prioritized' : 'Backlog'}`);
    for (const reason of decision.reasons) this.ctx.io.err(c.dim(`    ${reason}`));
    const ticket = o.pylonTicket;
    if (ticket?.priority && ticket.priority !== decision.priority) {
      const side = await this.prompter.select<'rubric' | 'pylon'>(
        `Pylon ticket #${ticket.number} says ${describePriority(ticket.priority)}; the rubric says ${describePriority(decision.priority)}. Which stands?`,
        [
          { value: 'rubric', name: `${describePriority(decision.priority)}, the rubric's`, description: 'Pylon is updated to match when filing ends' },
          { value: 'pylon', name: `${describePriority(ticket.priority)}, Pylon's`, description: 'the ticket says the priority was set to match Pylon' },
        ],
      );
      if (side === 'pylon') {
        o.priority = ticket.priority;
        o.reason = pylonReason(ticket, ticket.priority);
        return;
      }
    }
    const keep = await this.prompter.confirm('Keep this priority?', { default: true });
    if (keep) {
      delete o.priority;
      delete o.reason;
      return;
    }
    const choicesP: Array<Choice<Priority>> = PRIORITIES.map((p) => ({ value: p, name: describePriority(p) }));
    o.priority = await this.prompter.select('Priority', choicesP, { default: decision.priority });
    o.reason = await this.prompter.input(`Why ${PRIORITY_LABEL[o.priority]} instead of the rubric's answer? (goes in the ticket)`, {
      required: true,
      validate: (v) => (v.trim() ? true : 'A manual priority needs a reason'),
    });
  }

  private async askTitle(): Promise<void> {
    this.options.title = (await this.prompter.input('Title', { required: true, validate: (value) => titleProblem(value.trim()) ?? true, ...(this.options.title ? { default: this.options.title } : {}) })).trim();
  }

  private async askDescription(): Promise<void> {
    const body = await this.prompter.editor("The customer's report", this.options.body ? { default: this.options.body } : {});
    if (body.trim()) this.options.body = body;
    else if (!this.options.body) {
      this.ctx.io.warn('The description cannot be empty.');
      await this.askDescription();
    }
  }

  /**
   * The candidates, best first. Opening a new ticket is the default unless the top one is clearly the same
   * request (strong) and is a feature request itself: a bug is never the default place for a feature.
   */
  private async askAppendOrNew(candidates: ScoredCandidate[]): Promise<string> {
    const { io } = this.ctx;
    io.err(`Similar open ticket${candidates.length === 1 ? '' : 's'} found:`);
    for (const c of candidates) io.err(`  ${io.color.bold(c.identifier)}  ${c.title}  ${io.color.dim(`(${c.strong ? 'strong, ' : ''}score ${c.score.toFixed(2)})`)}`);
    const choices: Array<Choice<string>> = [
      ...candidates.map((c) => ({
        value: c.identifier,
        name: `Append to ${c.identifier}: ${c.title}`,
        description: `score ${c.score.toFixed(2)}${c.strong ? ' (strong)' : ''}; shares: ${c.shared.join(', ')}${c.differs ? `; but ${c.differs.request.join(', ')} ≠ ${c.differs.candidate.join(', ')}` : ''}${c.feature ? '' : '; not a feature request'}; ${c.url}`,
      })),
      { value: NEW_TICKET, name: 'Open a new ticket', description: 'a new feature request in the Backlog' },
    ];
    return this.prompter.select('Append this request to an existing ticket, or open a new one?', choices, { default: candidates[0]!.strong && candidates[0]!.feature ? candidates[0]!.identifier : NEW_TICKET });
  }

  /**
   * One screen: the compact summary, then a short menu (file, show everything, edit, cancel). The edits sit one
   * level down so the summary keeps the rows; the full text goes through the pager and the menu comes back.
   */
  private async review(planned: Planned, hadCandidates: boolean): Promise<ReviewAction> {
    const { io } = this.ctx;
    const { prepared } = planned;
    const append = prepared.kind === 'append';
    const choices: Array<Choice<ReviewAction | 'full' | 'edit'>> = [
      { value: 'file', name: append ? `Append to ${prepared.plan.target.identifier}` : prepared.plan.github ? 'File both issues' : 'File the Linear issue' },
      { value: 'full', name: 'Show the full text (every body, comment and the update)' },
      { value: 'edit', name: 'Edit or change something…' },
      { value: 'cancel', name: 'Cancel (file nothing)' },
    ];
    // The select draws its message, the choices, a blank line and a key help line.
    const menuRows = choices.length + 3;
    let redraw = true;
    for (;;) {
      if (redraw) {
        io.err('');
        for (const line of reviewScreen({ planned, columns: io.columns, rows: io.rows - menuRows - 1, color: io.color })) io.err(line);
      }
      redraw = true;
      const action = await this.prompter.select(append ? 'Ready to append?' : 'Ready to file?', choices, { default: 'file' });
      if (action === 'full') {
        await this.prompter.page(fullReviewText(io, planned));
        continue;
      }
      if (action !== 'edit') return action;
      const edit = await this.prompter.select<ReviewAction | 'back'>('What do you want to change?', editChoices(planned, hadCandidates), { default: append ? 'description' : 'title' });
      if (edit !== 'back') return edit;
      redraw = false;
    }
  }
}

function editChoices(planned: Planned, hadCandidates: boolean): Array<Choice<ReviewAction | 'back'>> {
  const { prepared } = planned;
  if (prepared.kind === 'append') {
    return [
      { value: 'description', name: 'Edit the description' },
      { value: 'customer', name: 'Change the customer' },
      { value: 'new', name: 'Open a new ticket instead' },
      { value: 'back', name: 'Back to the review' },
    ];
  }
  return [
    { value: 'title', name: 'Edit the title' },
    { value: 'description', name: 'Edit the description' },
    { value: 'type', name: 'Change the request type' },
    { value: 'impact', name: 'Change the impact or priority' },
    { value: 'customer', name: 'Change the customer' },
    ...(hadCandidates && prepared.plan.type === 'feature' ? [{ value: 'append' as const, name: 'Append to an existing ticket instead' }] : []),
    { value: 'back', name: 'Back to the review' },
  ];
}

/** Everything the review folds: the decision with every reason and removal, each body in full, the update. */
function fullReviewText(io: IO, planned: Planned): string {
  const { prepared } = planned;
  const lines = decisionLines(prepared.plan, io.color, io.errProse);
  lines.push(prepared.kind === 'append' ? appendPlanText(prepared.plan, io.errProse) : planText(prepared.plan, io.errProse));
  lines.push(updateBox(io, updateText(planned.update.text, prepared.kind === 'append' ? prepared.plan.target.github?.url : null), 'Customer update (draft, redacted)'));
  return lines.join('\n');
}

/**
 * After filing from a Pylon ticket (the update was just shown): ask whether, and how, to post it. Nothing
 * reaches the customer without this answer; "Don't post" is the default.
 */
export async function askToPost(ctx: Context, ticket: PylonTicketInfo): Promise<'reply' | 'note' | undefined> {
  // The issues are filed by now: Ctrl-C here means "don't post", not a cancelled filing.
  const choice = await ctx.prompter.select<'reply' | 'note' | 'none'>(
    `Post this update on Pylon ticket #${ticket.number}?`,
    [
      { value: 'reply', name: 'Post it as a reply to the customer', description: 'the text shown above, as a reply on the ticket: the customer receives it' },
      { value: 'note', name: 'Post it as an internal note', description: 'visible to the support team only' },
      { value: 'none', name: "Don't post it", description: 'copy it from above to send it yourself' },
    ],
    { default: 'none' },
  ).catch((error: unknown) => {
    if (!(error instanceof CancelledError) && !(error instanceof InterruptedError)) throw error;
    ctx.io.err('Not posted.');
    return 'none' as const;
  });
  return choice === 'none' ? undefined : choice;
}
