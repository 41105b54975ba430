/**
 * Typed errors: commands throw these and `src/main.ts` maps them to exit codes, so no command ever
 * decides how the process ends. Messages must never carry tokens or unredacted customer text.
 */

export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  partial: 3,
  auth: 4,
  /** Ctrl-C (SIGINT), as shells report it: 128 + 2. */
  cancelled: 130,
  /** SIGTERM: 128 + 15. */
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export abstract class TriageError extends Error {
  abstract readonly exitCode: ExitCode;
  /** A next step for the engineer ("run `triage doctor`", "set LINEAR_API_KEY"). */
  readonly hint: string | undefined;
  /** A finer `error.code` for `--json` than the class gives (see `errorCode`). */
  readonly code: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown; code?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.code = options.code;
  }
}

/** Bad flags or arguments, or a required flag missing when no prompt is possible. */
export class UsageError extends TriageError {
  readonly exitCode = ExitCode.usage;
}

/** The config file is missing, malformed or invalid. */
export class ConfigError extends TriageError {
  readonly exitCode = ExitCode.usage;
}

export type ServiceName = 'linear' | 'github' | 'pylon' | 'pagerduty' | 'slack';

export const serviceLabel: Record<ServiceName, string> = { linear: 'Linear', github: 'GitHub', pylon: 'Pylon', pagerduty: 'PagerDuty', slack: 'Slack' };

/** A token is missing or was rejected. Never retried. */
export class AuthError extends TriageError {
  readonly exitCode = ExitCode.auth;
  constructor(
    readonly service: ServiceName,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** A request to a service failed after the retries that were safe to make. */
export class ServiceError extends TriageError {
  readonly exitCode = ExitCode.failure;
  constructor(
    readonly service: ServiceName,
    message: string,
    options: { hint?: string; cause?: unknown; status?: number; transient?: boolean } = {},
  ) {
    super(message, options);
    this.status = options.status;
    this.transient = options.transient ?? false;
  }
  readonly status: number | undefined;
  /** True for faults worth resuming later (5xx, rate limit, timeout, dropped connection). */
  readonly transient: boolean;
}

/** What a filing that stopped had done and had left, for the message and for `--json`. */
export interface FilingProgress {
  filingId: string;
  created: ReadonlyArray<{ what: string; url?: string }>;
  pending: ReadonlyArray<string>;
  /** The command that finishes it. */
  resume: string;
}

/** Some steps of a filing succeeded (or may have) and a later one failed: what exists is in `created`. */
export class PartialFilingError extends TriageError {
  readonly exitCode: ExitCode = ExitCode.partial;
  constructor(
    message: string,
    readonly created: ReadonlyArray<{ what: string; url?: string }>,
    readonly pending: ReadonlyArray<string>,
    options: { hint?: string; cause?: unknown; filingId?: string } = {},
  ) {
    super(message, options);
    this.filingId = options.filingId;
  }
  readonly filingId: string | undefined;
}

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/**
 * The process was asked to stop (Ctrl-C, SIGTERM). Raised between steps, or in place of an answer that had not
 * come yet; exits 130 or 143 as a shell would report the signal.
 */
export class InterruptedError extends TriageError {
  readonly exitCode: ExitCode;
  constructor(
    readonly signal: InterruptSignal,
    message = `Interrupted (${signal})`,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    this.exitCode = signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.cancelled;
  }
}

/** A filing stopped by a signal part-way: created, pending and the resume command, with the signal's exit code. */
export class InterruptedFilingError extends PartialFilingError {
  override readonly exitCode: ExitCode;
  constructor(
    readonly signal: InterruptSignal,
    message: string,
    created: ReadonlyArray<{ what: string; url?: string }>,
    pending: ReadonlyArray<string>,
    options: { hint?: string; cause?: unknown; filingId?: string } = {},
  ) {
    super(message, created, pending, options);
    this.exitCode = signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.cancelled;
  }
}

/** The engineer pressed Ctrl-C or chose Cancel. */
export class CancelledError extends TriageError {
  readonly exitCode = ExitCode.cancelled;
}

/** A generic failure with a message fit to show. */
export class FailureError extends TriageError {
  readonly exitCode = ExitCode.failure;
}

/** A check (`triage sync --check`, `triage doctor`) found something out of line. */
export class CheckFailedError extends TriageError {
  readonly exitCode = ExitCode.failure;
}

/**
 * A scripted feature request that looks like existing tickets: nothing is filed until `--append-to` or `--new`
 * says what to do, so a script never silently files a duplicate. Carries the candidates for `--json`.
 */
export class CandidatesFoundError extends UsageError {
  constructor(
    message: string,
    readonly candidates: ReadonlyArray<{ identifier: string; title: string; url: string; score: number; strong: boolean; github: string | null }>,
    options: { hint?: string } = {},
  ) {
    super(message, options);
  }
}

/** The `error.code` of the `--json` failure object: stable words a script can branch on. */
export function errorCode(error: unknown): string {
  if (!(error instanceof TriageError)) return 'unexpected';
  if (error.code) return error.code;
  if (error instanceof CandidatesFoundError) return 'candidates-found';
  if (error instanceof InterruptedFilingError || error instanceof InterruptedError) return 'interrupted';
  if (error instanceof PartialFilingError) return 'partial';
  if (error instanceof ConfigError) return 'config';
  if (error instanceof UsageError) return 'usage';
  if (error instanceof AuthError) return 'auth';
  if (error instanceof ServiceError) return 'service';
  if (error instanceof CancelledError) return 'cancelled';
  if (error instanceof CheckFailedError) return 'check-failed';
  return 'failure';
}
