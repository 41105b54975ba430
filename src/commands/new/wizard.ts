import type { Context } from '../../context.js';
import { CancelledError } from '../../errors.js';
import type { Choice, Prompter } from '../../cli/prompter.js';
import { describePriority, PRIORITIES, PRIORITY_LABEL, type Priority } from '../../core/priority.js';
import { REQUEST_TYPE_INFO, REQUEST_TYPES, type RequestType } from '../../core/request-type.js';
import type { FilingPlan } from '../../core/filing-plan.js';
import type { TriageConfig } from '../../config/config.js';
import { parseContact, type NewOptions } from './options.js';
import { planText, renderDecision } from './render.js';
import { buildPlan, decisionFor, type CompleteOptions } from './run.js';
import { pylonReason } from './pylon-reason.js';

type ReviewAction = 'file' | 'title' | 'description' | 'type' | 'impact' | 'customer' | 'cancel';

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The support process as a conversation. Each step is skipped when its flag was given; the review shows
 * both tickets exactly as they will be filed (after redaction) and lets the engineer fix any field.
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

  async run(): Promise<{ options: CompleteOptions; plan: FilingPlan }> {
    const o = this.options;
    this.ctx.io.err(this.ctx.io.color.bold('New support ticket') + this.ctx.io.color.dim('  (Ctrl-C to cancel: nothing is filed)'));
    if (o.pylonTicket) this.ctx.io.err(`Starting from Pylon ticket #${o.pylonTicket.number}: ${o.pylonTicket.title}`);
    if (!o.customer) await this.askCustomer();
    if (!o.type) await this.askType();
    if (!o.impact && !o.priority) await this.askImpact();
    if (!o.title) await this.askTitle();
    if (!o.body) await this.askDescription();
    for (;;) {
      const complete = o as CompleteOptions;
      const plan = await buildPlan(this.ctx, complete, this.config);
      if (o.yes) return { options: complete, plan };
      const action = await this.review(plan);
      switch (action) {
        case 'file':
          return { options: complete, plan };
        case 'cancel':
          throw new CancelledError('Cancelled: nothing was filed');
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
    this.options.title = (await this.prompter.input('Title', { required: true, ...(this.options.title ? { default: this.options.title } : {}) })).trim();
  }

  private async askDescription(): Promise<void> {
    const body = await this.prompter.editor("The customer's report", this.options.body ? { default: this.options.body } : {});
    if (body.trim()) this.options.body = body;
    else if (!this.options.body) {
      this.ctx.io.warn('The description cannot be empty.');
      await this.askDescription();
    }
  }

  private async review(plan: FilingPlan): Promise<ReviewAction> {
    const { io } = this.ctx;
    io.err('');
    renderDecision(io, plan);
    io.err(planText(plan, io.columns));
    const choices: Array<Choice<ReviewAction>> = [
      { value: 'file', name: plan.github ? 'File both issues' : 'File the Linear issue' },
      { value: 'title', name: 'Edit the title' },
      { value: 'description', name: 'Edit the description' },
      { value: 'type', name: 'Change the request type' },
      { value: 'impact', name: 'Change the impact or priority' },
      { value: 'customer', name: 'Change the customer' },
      { value: 'cancel', name: 'Cancel (file nothing)' },
    ];
    return this.prompter.select('Ready to file?', choices, { default: 'file' });
  }
}
