/**
 * Pylon's search filter language for `POST /issues/search`: `{ field, operator, value | values }` leaves and
 * `and`/`or` nodes with `subfilters` (at most 3 levels). The fields and their operators are the ones the
 * SearchIssues description lists; custom fields are filtered by slug.
 */
import type { PylonCustomField, PylonIssue } from './state.js';

const TIME_OPS = ['time_is_after', 'time_is_before', 'time_range'];
const ID_OPS = ['equals', 'in', 'not_in', 'is_set', 'is_unset'];
const SINGLE_VALUE_OPS = new Set([
  'equals',
  'not_equals',
  'contains',
  'does_not_contain',
  'time_is_after',
  'time_is_before',
  'string_contains',
  'string_does_not_contain',
  'greater_than',
  'less_than',
  'greater_than_or_equals',
  'less_than_or_equals',
]);
const MULTI_VALUE_OPS = new Set(['in', 'not_in', 'time_range']);
const ALL_OPS = new Set([...SINGLE_VALUE_OPS, ...MULTI_VALUE_OPS, 'and', 'or', 'is_set', 'is_unset']);
const MAX_DEPTH = 3;

type Value = { kind: 'scalar'; value: string | undefined } | { kind: 'list'; values: string[] };

interface FieldSpec {
  operators: readonly string[];
  get: (issue: PylonIssue) => Value;
  /** Multi-valued (tags, multiselect): `in`/`not_in` test whether any of the field's values is listed. */
  list?: boolean;
}

const scalar = (value: string | undefined): Value => ({ kind: 'scalar', value });

const BUILT_IN_FIELDS: Record<string, FieldSpec> = {
  created_at: { operators: TIME_OPS, get: (i) => scalar(i.created_at) },
  updated_at: { operators: TIME_OPS, get: (i) => scalar(i.updated_at) },
  resolved_at: { operators: TIME_OPS, get: (i) => scalar(i.resolution_time) },
  latest_message_activity_at: { operators: TIME_OPS, get: (i) => scalar(i.latest_message_time) },
  account_id: { operators: ID_OPS, get: (i) => scalar(i.account?.id) },
  requester_id: { operators: ID_OPS, get: (i) => scalar(i.requester?.id) },
  assignee_id: { operators: ID_OPS, get: (i) => scalar(i.assignee?.id) },
  team_id: { operators: ['equals', 'in', 'not_in'], get: (i) => scalar(i.team?.id) },
  state: { operators: ['equals', 'in', 'not_in'], get: (i) => scalar(i.state) },
  issue_type: { operators: ID_OPS, get: (i) => scalar(i.type) },
  tags: { operators: ['contains', 'does_not_contain', 'in', 'not_in'], get: (i) => ({ kind: 'list', values: i.tags }), list: true },
  title: { operators: ['string_contains', 'string_does_not_contain'], get: (i) => scalar(i.title) },
  body_html: { operators: ['string_contains', 'string_does_not_contain'], get: (i) => scalar(i.body_html) },
};

function customFieldSpec(field: PylonCustomField): FieldSpec {
  const presence = ['is_set', 'is_unset'];
  if (field.type === 'multiselect') {
    return {
      operators: ['contains', 'does_not_contain', 'in', 'not_in', ...presence],
      get: (i) => ({ kind: 'list', values: i.custom_fields[field.slug]?.values ?? [] }),
      list: true,
    };
  }
  const get = (i: PylonIssue): Value => scalar(i.custom_fields[field.slug]?.value);
  if (field.type === 'number') {
    return { operators: ['equals', 'not_equals', 'in', 'not_in', 'greater_than', 'less_than', 'greater_than_or_equals', 'less_than_or_equals', ...presence], get };
  }
  if (field.type === 'date' || field.type === 'datetime') return { operators: [...TIME_OPS, ...presence], get };
  return { operators: ['equals', 'not_equals', 'in', 'not_in', 'string_contains', 'string_does_not_contain', ...presence], get };
}

export type IssuePredicate = (issue: PylonIssue) => boolean;

export class FilterError extends Error {}

function parseTime(raw: string, field: string): number {
  const at = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(at)) throw new FilterError(`invalid RFC3339 time "${raw}" for field ${field}`);
  return at;
}

function parseNumber(raw: string, field: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || Number.isNaN(n)) throw new FilterError(`invalid number "${raw}" for field ${field}`);
  return n;
}

function compileNode(raw: unknown, customFields: readonly PylonCustomField[], depth: number): IssuePredicate {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new FilterError('filter must be an object');
  if (depth > MAX_DEPTH) throw new FilterError(`filter depth exceeds the maximum of ${MAX_DEPTH}`);
  const node = raw as Record<string, unknown>;
  const operator = node.operator;
  if (typeof operator !== 'string' || !ALL_OPS.has(operator)) throw new FilterError(`invalid filter operator "${String(operator)}"`);

  if (operator === 'and' || operator === 'or') {
    if (!Array.isArray(node.subfilters) || node.subfilters.length === 0) throw new FilterError(`operator "${operator}" requires subfilters`);
    const children = node.subfilters.map((child) => compileNode(child, customFields, depth + 1));
    return operator === 'and' ? (i) => children.every((c) => c(i)) : (i) => children.some((c) => c(i));
  }

  const field = node.field;
  if (typeof field !== 'string' || field === '') throw new FilterError('filter field is required');
  const custom = customFields.find((f) => f.slug === field && f.object_type === 'issue');
  const spec = BUILT_IN_FIELDS[field] ?? (custom ? customFieldSpec(custom) : undefined);
  if (!spec) throw new FilterError(`invalid filter field "${field}"`);
  if (!spec.operators.includes(operator)) throw new FilterError(`operator "${operator}" is not supported for field "${field}"`);

  let value: string | undefined;
  let values: string[] = [];
  if (SINGLE_VALUE_OPS.has(operator)) {
    if (typeof node.value !== 'string') throw new FilterError(`operator "${operator}" requires a value`);
    value = node.value;
  } else if (MULTI_VALUE_OPS.has(operator)) {
    if (!Array.isArray(node.values) || !node.values.every((v) => typeof v === 'string')) {
      throw new FilterError(`operator "${operator}" requires values`);
    }
    values = node.values as string[];
  }
  const get = spec.get;
  const one = (i: PylonIssue): string | undefined => {
    const v = get(i);
    return v.kind === 'scalar' ? v.value : undefined;
  };
  const many = (i: PylonIssue): string[] => {
    const v = get(i);
    return v.kind === 'list' ? v.values : v.value === undefined ? [] : [v.value];
  };
  const isSet = (i: PylonIssue): boolean => {
    const v = get(i);
    return v.kind === 'list' ? v.values.length > 0 : v.value !== undefined && v.value !== '';
  };
  const listField = spec.list === true;

  switch (operator) {
    case 'is_set':
      return isSet;
    case 'is_unset':
      return (i) => !isSet(i);
    case 'equals':
      return (i) => one(i) === value;
    case 'not_equals':
      return (i) => one(i) !== value;
    case 'in':
      return listField ? (i) => many(i).some((v) => values.includes(v)) : (i) => values.includes(one(i) ?? '\u0000');
    case 'not_in':
      return listField ? (i) => !many(i).some((v) => values.includes(v)) : (i) => !values.includes(one(i) ?? '\u0000');
    case 'contains':
      return (i) => many(i).includes(value!);
    case 'does_not_contain':
      return (i) => !many(i).includes(value!);
    case 'string_contains':
      return (i) => (one(i) ?? '').toLowerCase().includes(value!.toLowerCase());
    case 'string_does_not_contain':
      return (i) => !(one(i) ?? '').toLowerCase().includes(value!.toLowerCase());
    case 'time_is_after': {
      const at = parseTime(value!, field);
      return (i) => {
        const t = one(i);
        return t !== undefined && Date.parse(t) > at;
      };
    }
    case 'time_is_before': {
      const at = parseTime(value!, field);
      return (i) => {
        const t = one(i);
        return t !== undefined && Date.parse(t) < at;
      };
    }
    case 'time_range': {
      if (values.length !== 2) throw new FilterError('operator "time_range" requires exactly two values: start and end');
      const from = parseTime(values[0]!, field);
      const to = parseTime(values[1]!, field);
      if (from > to) throw new FilterError('time_range start must not be after its end');
      return (i) => {
        const t = one(i);
        return t !== undefined && Date.parse(t) >= from && Date.parse(t) <= to;
      };
    }
    default: {
      const n = parseNumber(value!, field);
      const cmp: Record<string, (a: number) => boolean> = {
        greater_than: (a) => a > n,
        less_than: (a) => a < n,
        greater_than_or_equals: (a) => a >= n,
        less_than_or_equals: (a) => a <= n,
      };
      const test = cmp[operator]!;
      return (i) => {
        const v = one(i);
        return v !== undefined && v !== '' && !Number.isNaN(Number(v)) && test(Number(v));
      };
    }
  }
}

/** Throws FilterError (answered as 400) when the filter is malformed or uses an unsupported field/operator. */
export function compileIssueFilter(raw: unknown, customFields: readonly PylonCustomField[]): IssuePredicate {
  return compileNode(raw, customFields, 1);
}
