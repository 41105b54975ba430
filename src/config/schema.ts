import { z } from 'zod';
// A config is parsed once per run: building zod's compiled fast path (a new Function per object schema) costs
// more than it saves on a single parse.
z.config({ jitless: true });
import { PRIORITIES } from '../core/priority.js';
import { REQUEST_TYPES } from '../core/request-type.js';
import { checkTemplate } from '../core/templates.js';
import { UPDATE_SITUATIONS, type UpdateSituation } from '../core/customer-update.js';

/**
 * The shape of `.triagerc.json` / `.triagerc.yaml` / `package.json#triage`. Every field is documented in
 * README's configuration reference and shown with working values in `.triagerc.example.json`.
 */

const priority = z.enum(PRIORITIES);
const requestType = z.enum(REQUEST_TYPES);
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (e.g. "core-broken")');
const repo = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be "owner/name"');
const teamKey = z.string().regex(/^[A-Za-z0-9]{1,10}$/, 'must be a Linear team key (e.g. "SUP")');
const email = z.email('must be an email address');
const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub login');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const template = z.string().superRefine((value, ctx) => {
  const problem = checkTemplate(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid template: ${problem}` });
});

const impactRule = z.strictObject({
  value: slug,
  meaning: nonEmpty,
  priority,
  question: nonEmpty.optional(),
});

const linearTarget = z.strictObject({
  team: teamKey.optional(),
  assignee: email.optional(),
  labels: z.array(nonEmpty).optional(),
});

const githubTarget = z.strictObject({
  repo: repo.optional(),
  labels: z.array(nonEmpty).optional(),
  assignees: z.array(login).optional(),
});

const routeRule = z
  .strictObject({
    name: nonEmpty,
    match: z.strictObject({
      areas: z.array(nonEmpty).optional(),
      labels: z.array(nonEmpty).optional(),
      keywords: z.array(nonEmpty).optional(),
      types: z.array(requestType).optional(),
    }),
    linear: linearTarget.optional(),
    github: githubTarget.optional(),
  })
  .refine((rule) => Object.values(rule.match).some((v) => Array.isArray(v) && v.length > 0), {
    message: 'match must name at least one of areas, labels, keywords or types',
    path: ['match'],
  });

const extraPattern = z.strictObject({
  kind: slug,
  pattern: z.string().superRefine((value, ctx) => {
    try {
      new RegExp(value, 'gu');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${(error as Error).message}` });
    }
  }),
});

/** `30d`, `12h`, `2w`: how far back `triage sync` looks for closed tickets. */
const duration = z.string().regex(/^[1-9]\d{0,4}[hdw]$/, 'must be a duration like "30d", "12h" or "2w"');

const DEFAULT_PYLON_PRIORITY_FIELD = { slug: 'priority', values: { urgent: 'urgent', high: 'high', medium: 'medium', low: 'low' } };
const DEFAULT_PYLON_SYNC = { sourceOfTruth: 'pylon' as const, since: '30d', concurrency: 4, pageSize: 999 };

const pylonSection = z
  .strictObject({
    /** EU tenants live on api.eu.usepylon.com; a token with a region prefix decides by itself. */
    region: z.enum(['us', 'eu']).default('us'),
    // Every nested object merges with its defaults: `{ "slug": "prio" }` keeps the default values.
    priorityField: z
      .strictObject({
        slug: nonEmpty.default(DEFAULT_PYLON_PRIORITY_FIELD.slug),
        values: z
          .strictObject({
            urgent: nonEmpty.default(DEFAULT_PYLON_PRIORITY_FIELD.values.urgent),
            high: nonEmpty.default(DEFAULT_PYLON_PRIORITY_FIELD.values.high),
            medium: nonEmpty.default(DEFAULT_PYLON_PRIORITY_FIELD.values.medium),
            low: nonEmpty.default(DEFAULT_PYLON_PRIORITY_FIELD.values.low),
          })
          .default(DEFAULT_PYLON_PRIORITY_FIELD.values)
          .refine((v) => new Set(Object.values(v)).size === 4, 'each priority needs its own Pylon option (two priorities map to the same value)'),
      })
      .default(DEFAULT_PYLON_PRIORITY_FIELD),
    sync: z
      .strictObject({
        sourceOfTruth: z.enum(['pylon', 'linear']).default('pylon'),
        since: duration.default('30d'),
        concurrency: z.int().min(1).max(16).default(4),
        pageSize: z.int().min(1).max(999).default(999),
      })
      .default(DEFAULT_PYLON_SYNC),
  })
  .default({ region: 'us', priorityField: DEFAULT_PYLON_PRIORITY_FIELD, sync: DEFAULT_PYLON_SYNC });

/**
 * Where an Urgent filing pages on-call. Secrets never live here: PagerDuty's integration key is
 * PAGERDUTY_ROUTING_KEY; Slack posts with SLACK_BOT_TOKEN to `channel` (its id), or without a channel through the
 * incoming webhook in SLACK_WEBHOOK_URL.
 */
const pageTarget = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('pagerduty'),
    severity: z.enum(['critical', 'error', 'warning', 'info']).default('critical'),
  }),
  z.strictObject({
    type: z.literal('slack'),
    /** A channel id (C…, G…): conversations.history, which lets a resumed run find its post, takes only ids. */
    channel: z
      .string()
      .regex(/^[CG][A-Z0-9]{8,}$/, 'must be a Slack channel id like "C0123456789" (channel details → the id at the bottom), not its name')
      .optional(),
  }),
]);

const oncallSection = z
  .strictObject({
    page: z
      .array(pageTarget)
      .superRefine((targets, ctx) => {
        const kinds = targets.map((t) => t.type);
        if (new Set(kinds).size !== kinds.length) ctx.addIssue({ code: 'custom', message: 'name each target type once (one PagerDuty service, one Slack destination)' });
      })
      .default([]),
    /** When the Linear issue of a paged filing is Done or Canceled, `triage followups` / `triage sync` resolve the incident. */
    resolveOnDone: z.boolean().default(false),
  })
  .default({ page: [], resolveOnDone: false });

const followupsSection = z
  .strictObject({
    /** An open Urgent issue whose customer has heard nothing for this many hours is owed an update. */
    staleUrgentHours: z.number().positive().max(24 * 30).default(4),
    /** How `triage followups --post` posts when neither --reply nor --note is given and no terminal can ask. */
    postAs: z.enum(['reply', 'note']).optional(),
    /** Closed Pylon tickets updated within this long are still looked at. */
    since: duration.default('30d'),
  })
  .default({ staleUrgentHours: 4, since: '30d' });

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  linear: z.strictObject({
    /** Workflow state names for the rubric's two statuses, per team or for all teams. */
    states: z
      .strictObject({ prioritized: nonEmpty.default('Todo'), backlog: nonEmpty.default('Backlog') })
      .default({ prioritized: 'Todo', backlog: 'Backlog' }),
    /** The roadmap: new feature tickets are put in this Linear project (by name) ... */
    featureProject: nonEmpty.optional(),
    /** ... and/or get this label (by name, the team's or the workspace's). */
    featureLabel: nonEmpty.optional(),
  }).default({ states: { prioritized: 'Todo', backlog: 'Backlog' } }),
  github: z
    .strictObject({
      /** Whether a quick fix skips GitHub unless asked (`--github`). */
      skipForQuickFix: z.boolean().default(false),
    })
    .default({ skipForQuickFix: false }),
  rubric: z
    .strictObject({
      impacts: z
        .array(impactRule)
        .min(1, 'must list at least one impact')
        .superRefine((rules, ctx) => {
          const seen = new Set<string>();
          rules.forEach((rule, index) => {
            if (seen.has(rule.value)) ctx.addIssue({ code: 'custom', message: `duplicate impact value "${rule.value}"`, path: [index, 'value'] });
            seen.add(rule.value);
          });
        }),
    })
    .optional(),
  eta: z
    .strictObject({
      /** Partial: the priorities left out keep the default (config.ts merges them). */
      businessDays: z.strictObject({
        urgent: z.int().min(0).max(365).optional(),
        high: z.int().min(0).max(365).optional(),
        medium: z.int().min(0).max(365).optional(),
        low: z.int().min(0).max(365).optional(),
      }).optional(),
      holidays: z.array(date).optional(),
      weekend: z
        .array(z.int().min(0).max(6))
        .max(6, 'must leave at least one working day')
        .optional(),
      timeZone: z
        .string()
        .refine((tz) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        }, 'must be an IANA time zone (e.g. "Europe/Paris")')
        .optional(),
    })
    .optional(),
  routing: z.strictObject({
    onCall: z
      .strictObject({ name: nonEmpty.optional(), linear: email.optional(), github: login.optional() })
      .optional(),
    routes: z.array(routeRule).default([]),
    default: z.strictObject({
      linear: linearTarget.extend({ team: teamKey }),
      github: githubTarget.extend({ repo }),
    }),
  }),
  templates: z
    .strictObject({
      linearDescription: template.optional(),
      githubBody: template.optional(),
      etaComment: template.optional(),
      linearAppendComment: template.optional(),
      githubAppendComment: template.optional(),
      /** The customer update drafted after a filing and by `triage update`, one template per situation. */
      customerUpdate: z
        .strictObject(Object.fromEntries(UPDATE_SITUATIONS.map((s) => [s, template.optional()])) as Record<UpdateSituation, z.ZodOptional<typeof template>>)
        .optional(),
    })
    .optional(),
  redaction: z
    .strictObject({
      allow: z.array(nonEmpty).optional(),
      extraPatterns: z.array(extraPattern).optional(),
    })
    .optional(),
  pylon: pylonSection,
  oncall: oncallSection,
  followups: followupsSection,
});

export type RawConfig = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
