import type { LinearRequestContext } from './context.js';
import { invalidInput } from './errors.js';

/** A filter input object as graphql-js hands it over (already validated against the schema). */
export type FilterInput = { readonly [key: string]: unknown };

/** How one filter field tests an entity. Method syntax keeps specs of different entities in one registry. */
export interface FieldSpec<E> {
  test(entity: E, condition: FilterInput, ctx: LinearRequestContext): boolean;
}

export interface EntitySpec<E> {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldSpec<E>>>;
}

/** Keys with a meaning of their own rather than naming a field of the entity. */
export const LOGICAL_FILTER_KEYS: readonly string[] = ['and', 'or', 'null', 'some', 'every', 'length'];

type Scalar = string | number | boolean | null | undefined;
export type ScalarKind = 'id' | 'string' | 'number' | 'date' | 'boolean';

function present(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function asFilter(value: unknown): FilterInput {
  return typeof value === 'object' && value !== null ? (value as FilterInput) : {};
}

function asFilters(value: unknown): FilterInput[] {
  return Array.isArray(value) ? value.map(asFilter) : [];
}

/** Does the entity satisfy every condition of the filter (`and` semantics, with `and`/`or` lists)? */
export function matches<E>(spec: EntitySpec<E>, entity: E, filter: FilterInput | null | undefined, ctx: LinearRequestContext): boolean {
  if (!filter) return true;
  for (const [key, condition] of Object.entries(filter)) {
    if (!present(condition)) continue;
    if (key === 'and') {
      if (!asFilters(condition).every((sub) => matches(spec, entity, sub, ctx))) return false;
      continue;
    }
    if (key === 'or') {
      const options = asFilters(condition);
      if (options.length > 0 && !options.some((sub) => matches(spec, entity, sub, ctx))) return false;
      continue;
    }
    const field = spec.fields[key];
    if (!field) throw invalidInput(`Filtering ${spec.name} by ${key} is not supported by the emulator`);
    if (!field.test(entity, asFilter(condition), ctx)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- comparators

const DURATION = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** A DateTimeOrDuration operand as epoch ms; durations are relative to now (`-P2W` is two weeks ago). */
export function dateOperand(value: unknown, now: number): number {
  const text = String(value);
  const duration = DURATION.exec(text);
  if (duration) {
    const [, sign, years, months, weeks, days, hours, minutes, seconds] = duration;
    const n = (part: string | undefined): number => (part ? Number(part) : 0);
    const ms =
      ((n(years) * 365 + n(months) * 30 + n(weeks) * 7 + n(days)) * 24 * 3600 + n(hours) * 3600 + n(minutes) * 60 + n(seconds)) * 1000;
    return now + (sign ? -ms : ms);
  }
  return Date.parse(text);
}

function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function compareOrdered(actual: number, op: string, operand: number): boolean {
  switch (op) {
    case 'lt':
      return actual < operand;
    case 'lte':
      return actual <= operand;
    case 'gt':
      return actual > operand;
    default:
      return actual >= operand;
  }
}

/**
 * One comparator object (`{ eq, in, containsIgnoreCase, ... }`) against one value. Every operator present must
 * hold. A missing value matches `null: true` and the negative operators, and nothing else.
 */
/**
 * `in` / `nin` operand lists, normalised once per list and kind: a filter like `id: { in: [...100 ids] }` is
 * checked against every issue, and normalising the list for each would make one read cost 100 × N.
 */
const normalisedLists = new WeakMap<readonly unknown[], Map<ScalarKind, Set<string | number | boolean>>>();

function listSet(kind: ScalarKind, operand: readonly unknown[], normalise: (value: unknown) => string | number | boolean): Set<string | number | boolean> {
  let byKind = normalisedLists.get(operand);
  if (!byKind) normalisedLists.set(operand, (byKind = new Map()));
  let set = byKind.get(kind);
  if (!set) byKind.set(kind, (set = new Set(operand.map(normalise))));
  return set;
}

export function compareScalar(kind: ScalarKind, actual: Scalar, comparator: FilterInput, now: number): boolean {
  const normalise = (value: unknown): string | number | boolean => {
    if (kind === 'date') return dateOperand(value, now);
    if (kind === 'number') return Number(value);
    if (kind === 'boolean') return Boolean(value);
    return String(value);
  };
  const missing = !present(actual);
  const value = missing ? undefined : normalise(actual);
  const text = typeof value === 'string' ? value : '';
  for (const [op, operand] of Object.entries(comparator)) {
    if (!present(operand)) continue;
    if (op === 'null') {
      if (missing !== operand) return false;
      continue;
    }
    const negative = op === 'neq' || op === 'nin' || op.startsWith('not') || op === 'neqIgnoreCase';
    if (missing) {
      if (negative) continue;
      return false;
    }
    // Dates normalise against `now`, so only their lists are rebuilt each time.
    const list: ReadonlySet<string | number | boolean> = Array.isArray(operand) ? (kind === 'date' ? new Set(operand.map(normalise)) : listSet(kind, operand, normalise)) : new Set();
    const single = Array.isArray(operand) ? undefined : normalise(operand);
    const operandText = typeof single === 'string' ? single : '';
    let ok: boolean;
    switch (op) {
      case 'eq':
        ok = value === single;
        break;
      case 'neq':
        ok = value !== single;
        break;
      case 'in':
        ok = list.has(value as string | number | boolean);
        break;
      case 'nin':
        ok = !list.has(value as string | number | boolean);
        break;
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        ok = compareOrdered(value as number, op, single as number);
        break;
      case 'eqIgnoreCase':
        ok = text.toLowerCase() === operandText.toLowerCase();
        break;
      case 'neqIgnoreCase':
        ok = text.toLowerCase() !== operandText.toLowerCase();
        break;
      case 'contains':
        ok = text.includes(operandText);
        break;
      case 'notContains':
        ok = !text.includes(operandText);
        break;
      case 'containsIgnoreCase':
        ok = text.toLowerCase().includes(operandText.toLowerCase());
        break;
      case 'notContainsIgnoreCase':
        ok = !text.toLowerCase().includes(operandText.toLowerCase());
        break;
      case 'containsIgnoreCaseAndAccent':
        ok = foldAccents(text).includes(foldAccents(operandText));
        break;
      case 'startsWith':
        ok = text.startsWith(operandText);
        break;
      case 'startsWithIgnoreCase':
        ok = text.toLowerCase().startsWith(operandText.toLowerCase());
        break;
      case 'notStartsWith':
        ok = !text.startsWith(operandText);
        break;
      case 'endsWith':
        ok = text.endsWith(operandText);
        break;
      case 'notEndsWith':
        ok = !text.endsWith(operandText);
        break;
      default:
        throw invalidInput(`Comparator ${op} is not supported by the emulator`);
    }
    if (!ok) return false;
  }
  return true;
}

// ---------------------------------------------------------------- field kinds

export function scalar<E>(kind: ScalarKind, get: (entity: E, ctx: LinearRequestContext) => Scalar): FieldSpec<E> {
  return {
    test: (entity, condition, ctx) => compareScalar(kind, get(entity, ctx), condition, Date.now()),
  };
}

/** StringArrayComparator: `some` / `every` item comparators and a `length` number comparator. */
export function stringArray<E>(get: (entity: E, ctx: LinearRequestContext) => readonly string[]): FieldSpec<E> {
  return {
    test: (entity, condition, ctx) => {
      const items = get(entity, ctx);
      const now = Date.now();
      if (present(condition.some) && !items.some((item) => compareScalar('string', item, asFilter(condition.some), now))) return false;
      if (present(condition.every) && !items.every((item) => compareScalar('string', item, asFilter(condition.every), now))) return false;
      if (present(condition.length) && !compareScalar('number', items.length, asFilter(condition.length), now)) return false;
      return true;
    },
  };
}

/** ContentComparator (`searchableContent`): case-insensitive substring search over the entity's text. */
export function content<E>(get: (entity: E, ctx: LinearRequestContext) => string): FieldSpec<E> {
  return {
    test: (entity, condition, ctx) => {
      const text = get(entity, ctx).toLowerCase();
      if (present(condition.contains) && !text.includes(String(condition.contains).toLowerCase())) return false;
      if (present(condition.notContains) && text.includes(String(condition.notContains).toLowerCase())) return false;
      return true;
    },
  };
}

/** A link to one entity, possibly absent (`Nullable*Filter` adds `null: Boolean`). */
export function relation<E, T>(spec: () => EntitySpec<T>, get: (entity: E, ctx: LinearRequestContext) => T | null | undefined): FieldSpec<E> {
  const test = (target: T | null | undefined, condition: FilterInput, ctx: LinearRequestContext): boolean => {
    const { null: isNull, and, or, ...rest } = condition;
    const absent = target === null || target === undefined;
    if (present(isNull) && absent !== isNull) return false;
    if (present(and) && !asFilters(and).every((sub) => test(target, sub, ctx))) return false;
    if (present(or)) {
      const options = asFilters(or);
      if (options.length > 0 && !options.some((sub) => test(target, sub, ctx))) return false;
    }
    if (!Object.values(rest).some(present)) return true;
    if (absent) return false;
    return matches(spec(), target, rest, ctx);
  };
  return { test: (entity, condition, ctx) => test(get(entity, ctx), condition, ctx) };
}

/**
 * A to-many link (`*CollectionFilter`): `some`, `every`, `length`, and entity fields given directly, which Linear
 * reads as "some item matches all of them".
 */
export function collection<E, T>(spec: () => EntitySpec<T>, get: (entity: E, ctx: LinearRequestContext) => readonly T[]): FieldSpec<E> {
  const test = (items: readonly T[], condition: FilterInput, ctx: LinearRequestContext): boolean => {
    const { and, or, some, every, length, null: isNull, ...direct } = condition;
    if (present(isNull) && (items.length === 0) !== isNull) return false;
    if (present(and) && !asFilters(and).every((sub) => test(items, sub, ctx))) return false;
    if (present(or)) {
      const options = asFilters(or);
      if (options.length > 0 && !options.some((sub) => test(items, sub, ctx))) return false;
    }
    if (present(some) && !items.some((item) => matches(spec(), item, asFilter(some), ctx))) return false;
    if (present(every) && !items.every((item) => matches(spec(), item, asFilter(every), ctx))) return false;
    if (present(length) && !compareScalar('number', items.length, asFilter(length), Date.now())) return false;
    if (Object.values(direct).some(present) && !items.some((item) => matches(spec(), item, direct, ctx))) return false;
    return true;
  };
  return { test: (entity, condition, ctx) => test(get(entity, ctx), condition, ctx) };
}
