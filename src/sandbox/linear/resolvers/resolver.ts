import { isEnumType, isListType, isNonNullType, isScalarType, type GraphQLFieldResolver, type GraphQLOutputType, type GraphQLResolveInfo } from 'graphql';
import type { LinearRequestContext } from '../context.js';

export type Args = Readonly<Record<string, unknown>>;
export type Resolver = (source: unknown, args: Args, ctx: LinearRequestContext, info: GraphQLResolveInfo) => unknown;
export type TypeResolvers = Readonly<Record<string, Resolver>>;
export type ResolverMap = Readonly<Record<string, TypeResolvers>>;

/**
 * Field resolvers for one GraphQL type whose source objects are `S`. graphql-js guarantees that pairing and has
 * coerced arguments to the schema's types, so each resolver declares the argument shape it reads (`args` is
 * `never` here so that any declared shape is accepted).
 */
export function resolversFor<S>(fields: Record<string, (source: S, args: never, ctx: LinearRequestContext) => unknown>): TypeResolvers {
  return fields as unknown as TypeResolvers;
}

/**
 * What Linear would answer for a field the emulator does not model: null when nullable, otherwise an empty or
 * zero value of the right type. Only non-null object fields must be resolved explicitly.
 */
export function unmodelledValue(type: GraphQLOutputType, source: unknown): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Boolean':
        return false;
      case 'Int':
      case 'Float':
        return 0;
      case 'JSONObject':
        return {};
      case 'DateTime': {
        const createdAt = typeof source === 'object' && source !== null ? (source as { createdAt?: unknown }).createdAt : undefined;
        return typeof createdAt === 'string' ? createdAt : new Date(0).toISOString();
      }
      default:
        return '';
    }
  }
  throw new Error(`the emulator has no value for non-null field of type ${String(type)}`);
}

/** Resolves through the map, else the source's own property, else the unmodelled value. */
export function createFieldResolver(map: ResolverMap): GraphQLFieldResolver<unknown, LinearRequestContext> {
  return (source, args, ctx, info) => {
    const custom = map[info.parentType.name]?.[info.fieldName];
    if (custom) return custom(source, args, ctx, info);
    if (typeof source === 'object' && source !== null && Object.prototype.hasOwnProperty.call(source, info.fieldName)) {
      const value = (source as Record<string, unknown>)[info.fieldName];
      if (value !== undefined) return value;
    }
    return unmodelledValue(info.returnType, source);
  };
}
