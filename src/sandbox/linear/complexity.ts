import {
  getNamedType,
  GraphQLInt,
  isCompositeType,
  isLeafType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

export interface ComplexityReport {
  /** Linear's scoring: 0.1 per scalar field, 1 per object, a connection's children times its page size (default 50). */
  complexity: number;
  /** The first `first`/`last` argument outside 0..250, if any. */
  pageSizeViolation?: { field: string; argument: 'first' | 'last'; value: number };
}

/** The operation graphql-js would run for this request, or undefined when there is no single choice. */
export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((op) => op.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** Scores a validated operation before it runs, the way Linear's complexity limit does. */
export function measureComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): ComplexityReport {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const report: ComplexityReport = { complexity: 0 };

  const pageArgument = (field: GraphQLField<unknown, unknown>, node: FieldNode, name: 'first' | 'last'): number | undefined => {
    if (!field.args.some((a) => a.name === name)) return undefined;
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) return undefined;
    const value: unknown = valueFromAST(arg.value, GraphQLInt, variables as Record<string, unknown> | undefined);
    return typeof value === 'number' ? value : undefined;
  };

  const score = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) total += score(fragment.selectionSet, type, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += score(selection.selectionSet, type, seen);
        continue;
      }
      if (selection.name.value.startsWith('__') || !('getFields' in parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      if (isLeafType(type) || !selection.selectionSet || !isCompositeType(type)) {
        total += 0.1;
        continue;
      }
      const first = pageArgument(field, selection, 'first');
      const last = pageArgument(field, selection, 'last');
      for (const [argument, value] of [['first', first], ['last', last]] as const) {
        if (value !== undefined && (value < 0 || value > MAX_PAGE_SIZE) && !report.pageSizeViolation) {
          report.pageSizeViolation = { field: selection.name.value, argument, value };
        }
      }
      const isConnection = field.args.some((a) => a.name === 'first');
      const multiplier = isConnection ? (first ?? last ?? DEFAULT_PAGE_SIZE) : 1;
      total += 1 + Math.max(0, multiplier) * score(selection.selectionSet, type, seen);
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (root) report.complexity = score(operation.selectionSet, root, new Set());
  return report;
}
