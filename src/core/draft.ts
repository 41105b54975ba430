import type { Priority } from './priority.js';
import type { RequestType } from './request-type.js';
import type { KnownContact } from './redaction/types.js';

/** What the engineer said about the request, from flags or the wizard. Plain data; nothing redacted yet. */
export interface Draft {
  title: string;
  body: string;
  type: RequestType;
  impact?: string;
  override?: { priority: Priority; reason: string };
  customer: {
    name: string;
    domains: string[];
    contacts: KnownContact[];
  };
  /** Other strings that must not leave the machine (`--term`). */
  terms: string[];
  area?: string;
  labels: string[];
  steps?: string;
  expected?: string;
  actual?: string;
  /** Whether a GitHub issue is filed (`--no-github` turns it off). */
  github: boolean;
}
