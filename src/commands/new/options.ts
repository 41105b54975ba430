import { readFile } from 'node:fs/promises';
import { decodeReport } from '../../core/text-safety.js';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { isPriority, PRIORITIES, PRIORITY_SOURCES, type Priority } from '../../core/priority.js';
import { isRequestType, REQUEST_TYPES, type RequestType } from '../../core/request-type.js';
import type { KnownContact } from '../../core/redaction/types.js';
import type { InputStream } from '../../cli/io.js';

/** Flags as commander hands them over: strings and arrays, nothing checked yet. */
export interface NewFlags {
  title?: string;
  body?: string;
  bodyFile?: string;
  type?: string;
  impact?: string;
  priority?: string;
  reason?: string;
  customer?: string;
  customerDomain?: string[];
  contact?: string[];
  term?: string[];
  area?: string;
  label?: string[];
  steps?: string;
  expected?: string;
  actual?: string;
  eta?: string;
  github?: boolean;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  input?: boolean;
  config?: string;
  recover?: string;
  pylon?: string;
  prioritySource?: string;
  appendTo?: string;
  new?: boolean;
  reply?: boolean;
  note?: boolean;
  /** commander's `--no-page`. */
  page?: boolean;
  /** `--no-page-reason <text>`: commander names it `pageReason` (and sets `true` when absent, as for any `--no-`). */
  pageReason?: string | boolean;
}

/** `triage new`'s options after parsing: typed, but possibly incomplete (the wizard fills the rest). */
export interface NewOptions {
  title?: string;
  body?: string;
  type?: RequestType;
  impact?: string;
  priority?: Priority;
  reason?: string;
  customer?: string;
  customerDomains: string[];
  contacts: KnownContact[];
  terms: string[];
  area?: string;
  labels: string[];
  steps?: string;
  expected?: string;
  actual?: string;
  eta?: string;
  /** undefined: the config decides (quick fixes may skip GitHub); false: `--no-github`; true: `--github`. */
  github?: boolean;
  /** `--append-to <LINEAR-ID>`: a feature request joins this existing ticket. */
  appendTo?: string;
  /** `--new`: a new ticket whatever the candidates (features), or although the Pylon ticket is already linked. */
  newTicket: boolean;
  /** `--no-page`: an Urgent filing pages nobody; the reason is recorded on the Linear issue. */
  noPage: boolean;
  noPageReason?: string;
  /** `--reply` / `--note`: post the customer update to the Pylon ticket. */
  post?: 'reply' | 'note';
  dryRun: boolean;
  json: boolean;
  yes: boolean;
  noInput: boolean;
  configPath?: string;
  /** `--recover <file>`: a draft saved by a cancelled wizard run. */
  recoverPath?: string;
  /** `--pylon <id-or-number>`: the ticket to start from. */
  pylon?: string;
  /** Which side wins when the rubric and the Pylon ticket disagree (scripted runs; the wizard asks). */
  prioritySource: 'rubric' | 'pylon';
  /** Filled in from the Pylon ticket once it has been read. */
  pylonTicket?: PylonTicketInfo;
}

/** What a filing needs to know of the Pylon ticket it started from. */
export interface PylonTicketInfo {
  id: string;
  number: number;
  link: string;
  title: string;
  /** Its priority as a triage priority, or null when unset. */
  priority: Priority | null;
  /** The custom field that holds it, and the option to write for each priority. */
  fieldSlug: string;
  toPylon: Record<Priority, string>;
  /** The Pylon account (the customer): Linear's customer requests know it by this id. */
  accountId?: string;
  /** Issues the ticket is already linked to (Linear by id, GitHub as owner/repo/number): filing again needs --new. */
  linked?: Array<{ source: 'linear' | 'github'; id: string; link?: string }>;
}

export const LINEAR_IDENTIFIER = /^[A-Za-z0-9]{1,10}-\d+$/;

/** `Name <email>`, `email` or `Name`. */
export function parseContact(value: string): KnownContact {
  const trimmed = value.trim();
  const angle = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed);
  if (angle) {
    const contact: KnownContact = { email: angle[2]! };
    const name = angle[1]!.trim().replace(/^"(.*)"$/, '$1');
    if (name) contact.name = name;
    return contact;
  }
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { email: trimmed };
  return { name: trimmed };
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

async function readStream(stream: InputStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The report's bytes as text, or a usage error that says what is wrong with them. */
function reportText(bytes: Uint8Array, source: string): string {
  const decoded = decodeReport(bytes);
  if (!decoded.ok) throw new UsageError(`${source} ${decoded.problem}; nothing was filed`, { hint: 'Pass the report as UTF-8 text; attach binary files (screenshots, archives) to the Pylon ticket instead.' });
  return decoded.text;
}

/** Why a file flag's file could not be read, in words. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ENOTDIR') return 'no such file (a part of the path is not a directory)';
  return `cannot be read (${code ?? 'error'})`;
}

/** Checks what can be checked without config: known types and priorities, pairs of flags that go together. */
export async function parseNewFlags(flags: NewFlags, io: { cwd: string; stdin: InputStream }): Promise<NewOptions> {
  if (flags.body !== undefined && flags.bodyFile !== undefined) {
    throw new UsageError('Use either --body or --body-file, not both');
  }
  let body = flags.body;
  if (flags.bodyFile !== undefined) {
    if (flags.bodyFile === '-') {
      body = reportText(await readStream(io.stdin), '--body-file -: stdin');
      if (!body.trim()) {
        throw new UsageError('--body-file -: stdin was empty, so there is no report to file', {
          hint: 'Pipe the report in (e.g. `pbpaste | triage new --body-file - ...`), or pass --body or --body-file <path>.',
        });
      }
    } else {
      let bytes: Buffer;
      try {
        bytes = await readFile(resolve(io.cwd, flags.bodyFile));
      } catch (error) {
        throw new UsageError(`--body-file ${flags.bodyFile}: ${fileProblem(error)}`, { hint: 'Pass the path of a text file with the report, or - to read it from stdin.' });
      }
      body = reportText(bytes, `--body-file ${flags.bodyFile}: the file`);
      if (!body.trim()) throw new UsageError(`--body-file ${flags.bodyFile}: the file is empty`, { hint: 'Write the report into it, or pass --body.' });
    }
  }

  const type = clean(flags.type);
  if (type !== undefined && !isRequestType(type)) {
    throw new UsageError(`Unknown --type "${type}". Valid types: ${REQUEST_TYPES.join(', ')}`);
  }
  const priority = clean(flags.priority)?.toLowerCase();
  if (priority !== undefined && !isPriority(priority)) {
    throw new UsageError(`Unknown --priority "${flags.priority}". Valid priorities: ${PRIORITIES.join(', ')}`);
  }
  const reason = clean(flags.reason);
  if (reason !== undefined && priority === undefined) {
    throw new UsageError('--reason explains a manual --priority; pass --priority too, or drop --reason');
  }

  const options: NewOptions = {
    customerDomains: (flags.customerDomain ?? []).map((d) => d.trim().toLowerCase()).filter(Boolean),
    contacts: (flags.contact ?? []).map(parseContact).filter((c) => c.email || c.name),
    terms: (flags.term ?? []).map((t) => t.trim()).filter(Boolean),
    labels: (flags.label ?? []).map((l) => l.trim()).filter(Boolean),
    dryRun: Boolean(flags.dryRun),
    json: Boolean(flags.json),
    yes: Boolean(flags.yes),
    noInput: flags.input === false,
    prioritySource: 'rubric',
    newTicket: Boolean(flags.new),
    noPage: flags.page === false || typeof flags.pageReason === 'string',
  };
  const assign = <K extends keyof NewOptions>(key: K, value: NewOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  assign('title', clean(flags.title));
  assign('body', body !== undefined && body.trim() ? body : undefined);
  assign('type', type as RequestType | undefined);
  assign('impact', clean(flags.impact));
  assign('priority', priority as Priority | undefined);
  assign('reason', reason);
  assign('customer', clean(flags.customer));
  assign('area', clean(flags.area));
  assign('steps', clean(flags.steps));
  assign('expected', clean(flags.expected));
  assign('actual', clean(flags.actual));
  assign('eta', clean(flags.eta));
  assign('configPath', clean(flags.config));
  assign('recoverPath', clean(flags.recover));
  assign('pylon', clean(flags.pylon));
  if (typeof flags.pageReason === 'string') {
    if (!clean(flags.pageReason)) throw new UsageError('--no-page-reason needs the reason (it is recorded on the Linear issue)');
    options.noPageReason = clean(flags.pageReason)!;
  }
  const source = clean(flags.prioritySource)?.toLowerCase();
  if (source !== undefined) {
    if (source !== 'rubric' && source !== 'pylon') throw new UsageError(`Unknown --priority-source "${flags.prioritySource}". Valid values: ${PRIORITY_SOURCES.join(', ')}`);
    if (!options.pylon) throw new UsageError('--priority-source only applies with --pylon');
    options.prioritySource = source;
  }
  if (flags.github !== undefined) options.github = flags.github;
  const appendTo = clean(flags.appendTo);
  if (appendTo !== undefined) {
    if (!LINEAR_IDENTIFIER.test(appendTo)) throw new UsageError(`--append-to ${appendTo}: expected a Linear issue identifier like SUP-12`);
    options.appendTo = appendTo.toUpperCase();
  }
  if (options.appendTo && options.newTicket) throw new UsageError('--append-to joins an existing ticket and --new opens one: pass one of them');
  if (flags.reply && flags.note) throw new UsageError('--reply posts the update to the customer and --note keeps it internal: pass one of them');
  if (flags.reply) options.post = 'reply';
  if (flags.note) options.post = 'note';
  if (options.post && !options.pylon) {
    throw new UsageError(`--${options.post} posts the customer update on the Pylon ticket the request came from: pass --pylon <ticket> too`);
  }
  checkTypeFlags(options);
  return options;
}

/**
 * Flags that only make sense for some requests. Checked as soon as the type is known (from a flag, or once
 * the wizard asked), so a script learns of a mistake before anything is searched or filed.
 */
export function checkTypeFlags(options: NewOptions): void {
  // With --pylon, --new also means "file although the ticket is already linked", for any type.
  if (options.type && options.type !== 'feature' && (options.appendTo || (options.newTicket && !options.pylon))) {
    throw new UsageError(`${options.appendTo ? '--append-to' : '--new'} is for feature requests (--type feature), not ${options.type}`);
  }
}

/** The flags a scripted run must have; named all at once so one retry fixes them all. */
export function missingFlags(options: NewOptions): string[] {
  const missing: string[] = [];
  if (!options.title) missing.push('--title');
  if (!options.body) missing.push('--body or --body-file');
  if (!options.type) missing.push('--type');
  if (!options.impact && !options.priority) missing.push('--impact (or --priority with --reason)');
  if (options.priority && !options.reason) missing.push('--reason (required with --priority)');
  if (!options.customer) missing.push('--customer');
  return missing;
}
