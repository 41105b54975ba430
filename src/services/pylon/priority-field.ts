import { ConfigError } from '../../errors.js';
import { PRIORITIES, type Priority } from '../../core/priority.js';
import type { PylonCustomField } from './types.js';

export interface PriorityFieldConfig {
  slug: string;
  /** The Pylon select option (its slug) for each triage priority. */
  values: Record<Priority, string>;
}

/** The priority field as checked against Pylon: how to read it and how to write it. */
export interface PriorityFieldMap {
  slug: string;
  toPylon: Readonly<Record<Priority, string>>;
  /** Pylon option slug → triage priority. */
  fromPylon: ReadonlyMap<string, Priority>;
}

const HINT = 'Fix `pylon.priorityField` in the config (see README, Configuration); `triage doctor` runs this check.';

function describeField(field: PylonCustomField): string {
  const options = field.select_metadata?.options.map((o) => o.slug) ?? [];
  return `"${field.slug}" (${field.type}${options.length ? `: ${options.join(', ')}` : ''})`;
}

/**
 * Checks the configured slug and option values against Pylon's issue custom fields (`GET /custom-fields`).
 * The error names the slug and lists what Pylon has, so the config can be fixed without opening Pylon.
 */
export function checkPriorityField(fields: readonly PylonCustomField[], config: PriorityFieldConfig): PriorityFieldMap {
  const issueFields = fields.filter((f) => f.object_type === 'issue');
  const field = issueFields.find((f) => f.slug === config.slug);
  if (!field) {
    const known = issueFields.length ? issueFields.map(describeField).join('; ') : 'none';
    throw new ConfigError(`Pylon has no issue custom field with slug "${config.slug}" (pylon.priorityField.slug). Pylon's issue fields: ${known}`, { hint: HINT });
  }
  if (field.type !== 'select') {
    throw new ConfigError(`Pylon's issue field "${config.slug}" is a ${field.type} field; pylon.priorityField needs a select field (one option per priority)`, { hint: HINT });
  }
  if (field.is_read_only) {
    throw new ConfigError(`Pylon's issue field "${config.slug}" is read-only, so triage cannot set it`, { hint: HINT });
  }
  const options = field.select_metadata?.options ?? [];
  const slugs = new Set(options.map((o) => o.slug));
  const missing = PRIORITIES.filter((p) => !slugs.has(config.values[p]));
  if (missing.length) {
    const wrong = missing.map((p) => `pylon.priorityField.values.${p} is "${config.values[p]}"`).join(', ');
    const list = options.length ? options.map((o) => `${o.slug} (${o.label})`).join(', ') : 'none';
    throw new ConfigError(`${wrong}, not an option of Pylon's "${config.slug}" field. Its options: ${list}`, { hint: HINT });
  }
  const fromPylon = new Map<string, Priority>();
  for (const p of PRIORITIES) fromPylon.set(config.values[p], p);
  return { slug: field.slug, toPylon: { ...config.values }, fromPylon };
}

/** The ticket's priority: a triage priority, none (unset), or a value the map does not know. */
export type PylonPriorityReading = { kind: 'set'; priority: Priority } | { kind: 'none' } | { kind: 'unknown'; value: string };

export function readPylonPriority(customFields: Readonly<Record<string, { value?: string } | undefined>>, map: PriorityFieldMap): PylonPriorityReading {
  const value = customFields[map.slug]?.value;
  if (value === undefined || value === '') return { kind: 'none' };
  const priority = map.fromPylon.get(value);
  return priority ? { kind: 'set', priority } : { kind: 'unknown', value };
}
