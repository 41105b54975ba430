import type { LinearGateway } from '../services/linear/gateway.js';
import type { GitHubGateway } from '../services/github/gateway.js';
import type { PylonGateway } from '../services/pylon/gateway.js';
import type { PagerDutyGateway } from '../services/pagerduty/gateway.js';
import type { SlackApi, SlackWebhook } from '../services/slack/gateway.js';
import { throwIfInterrupted } from '../cli/interrupts.js';
import type { Journal } from './journal.js';
import type { FilingRecord } from './record.js';

export interface FilingServices {
  linear: () => Promise<LinearGateway>;
  github: () => Promise<GitHubGateway>;
  pylon: () => Promise<PylonGateway>;
  /** Paging an Urgent filing's on-call. */
  pagerduty: () => Promise<PagerDutyGateway>;
  slack: () => Promise<SlackApi>;
  slackWebhook: () => Promise<SlackWebhook>;
}

/** What every step gets: the record, a way to journal it, progress lines, the clock, and the services. */
export interface StepRunner<R extends FilingRecord = FilingRecord> {
  record: R;
  services: FilingServices;
  /** Journals the record now (after every result, and before every write that may not be repeated blindly). */
  save(): Promise<void>;
  progress(message: string): void;
  now(): Date;
  /** Names the step in progress, for the journal's last error. */
  at(step: string): void;
}

export function createStepRunner<R extends FilingRecord>(input: {
  record: R;
  services: FilingServices;
  journal: Journal;
  now: () => Date;
  progress?: ((message: string) => void) | undefined;
  onStep: (step: string) => void;
  /** Aborts on SIGINT/SIGTERM: the filing stops at the next step boundary (in-flight answers are not awaited). */
  signal?: AbortSignal | undefined;
}): StepRunner<R> {
  return {
    record: input.record,
    services: input.services,
    async save() {
      input.record.updatedAt = input.now().toISOString();
      await input.journal.save(input.record);
    },
    progress: (message) => input.progress?.(message),
    now: input.now,
    at: (step) => {
      if (input.signal) throwIfInterrupted(input.signal);
      input.onStep(step);
    },
  };
}
