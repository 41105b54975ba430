import { execute, GraphQLError, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { EmulatorResponse, RecordedRequest } from '../http/emulator-server.js';
import { measureComplexity, selectOperation } from './complexity.js';
import type { LinearRequestContext } from './context.js';
import {
  formatExecutionError,
  linearAuthenticationErrorBody,
  linearBadRequestBody,
  linearQueryTooComplexBody,
  linearValidationErrorBody,
  type LinearErrorBody,
} from './errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';
import { LINEAR_MAX_QUERY_COMPLEXITY, linearRateLimitedBody, linearRateLimitHeaders, type RateLimiter } from './rate-limit.js';
import { linearFieldResolver } from './resolvers/field-resolver.js';
import { linearSchema } from './schema.js';
import type { LinearApiKey, LinearState, LinearUser } from './state.js';

/** A recorded request to the Linear emulator: `operation` is the first root field, `rootFields` all of them. */
export interface LinearRecordedRequest extends RecordedRequest {
  rootFields?: readonly string[];
}

interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

type Parsed = { body: GraphQLBody; document: DocumentNode } | { body: GraphQLBody; syntaxError: GraphQLError } | { invalid: string };

const parsedRequests = new WeakMap<RecordedRequest, Parsed>();

function readBody(req: RecordedRequest): GraphQLBody | string {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'POST body missing, invalid Content-Type, or JSON object has no keys.';
  }
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return 'GraphQL operations must contain a non-empty `query`.';
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return '`variables` must be an object.';
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return '`operationName` must be a string.';
  return {
    query,
    ...(variables ? { variables: variables as Record<string, unknown> } : {}),
    ...(typeof operationName === 'string' ? { operationName } : {}),
  };
}

function parseRequest(req: RecordedRequest): Parsed {
  const cached = parsedRequests.get(req);
  if (cached) return cached;
  const body = readBody(req);
  let parsed: Parsed;
  if (typeof body === 'string') parsed = { invalid: body };
  else {
    try {
      parsed = { body, document: parse(body.query) };
    } catch (error) {
      parsed = { body, syntaxError: error instanceof GraphQLError ? error : new GraphQLError(String(error)) };
    }
  }
  parsedRequests.set(req, parsed);
  return parsed;
}

/** Root field names in document order, looking through fragments at the root. */
function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const names: string[] = [];
  const visit = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) names.push(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return names;
}

/**
 * Names a request by its GraphQL root fields before any fault is matched, so tests can write
 * `match: (r) => r.operation === 'issueCreate'`. Also records every root field on `rootFields`.
 */
export function classifyLinearRequest(req: RecordedRequest): string | undefined {
  const parsed = parseRequest(req);
  if (!('document' in parsed)) return undefined;
  const operation = selectOperation(parsed.document, parsed.body.operationName);
  if (!operation) return undefined;
  const names = rootFieldNames(parsed.document, operation);
  (req as LinearRecordedRequest).rootFields = names;
  return names[0];
}

/** The fields a Linear recorded request touched at the root; empty when it was not a GraphQL request. */
export function rootFieldsOf(req: RecordedRequest): readonly string[] {
  return (req as LinearRecordedRequest).rootFields ?? [];
}

export interface LinearHandlerDeps {
  state: LinearState;
  webUrl: string;
  now: () => string;
  limiter: RateLimiter;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers, body };
}

/** Personal API keys come raw in `Authorization`; OAuth tokens as `Bearer <token>`. */
function authenticate(state: LinearState, header: string | undefined): { key: LinearApiKey; user: LinearUser; auth: 'apiKey' | 'oauth' } | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(value);
  const token = bearer ? (bearer[1] ?? '').trim() : value;
  const key = state.apiKeys.find((k) => k.key === token);
  const user = key ? state.users.find((u) => u.id === key.userId && u.active) : undefined;
  if (!key || !user) return undefined;
  return { key, user, auth: bearer ? 'oauth' : 'apiKey' };
}

export function createLinearRequestHandler(deps: LinearHandlerDeps): (req: RecordedRequest) => Promise<EmulatorResponse> {
  return async (req) => {
    if (req.path !== '/graphql') return json(404, linearBadRequestBody(`Cannot ${req.method} ${req.path}`));
    if (req.method !== 'POST') return json(405, linearBadRequestBody('Only POST requests are supported.'), { allow: 'POST' });
    const parsed = parseRequest(req);
    if ('invalid' in parsed) return json(400, linearBadRequestBody(parsed.invalid));

    const identity = authenticate(deps.state, req.headers.authorization);
    if (!identity) return json(400, linearAuthenticationErrorBody());

    const clock = Date.now();
    if (!deps.limiter.take(identity.key.key, clock)) {
      return json(400, linearRateLimitedBody(), linearRateLimitHeaders(deps.limiter.snapshot(identity.key.key, clock)));
    }
    const headersWith = (complexity?: number): Record<string, string> =>
      linearRateLimitHeaders(deps.limiter.snapshot(identity.key.key, clock), complexity === undefined ? undefined : Math.ceil(complexity));

    if ('syntaxError' in parsed) return json(400, linearValidationErrorBody([parsed.syntaxError], 'GRAPHQL_PARSE_FAILED'), headersWith());
    const { document, body } = parsed;
    const validationErrors = validate(linearSchema(), document);
    if (validationErrors.length > 0) return json(400, linearValidationErrorBody(validationErrors, 'GRAPHQL_VALIDATION_FAILED'), headersWith());

    const operation = selectOperation(document, body.operationName);
    let complexity: number | undefined;
    if (operation) {
      const report = measureComplexity(linearSchema(), document, operation, body.variables);
      if (report.pageSizeViolation) {
        const { field, argument, value } = report.pageSizeViolation;
        const message = `${field}: ${argument} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`;
        return json(400, linearQueryTooComplexBody(message, 'Argument Validation Error'), headersWith());
      }
      if (report.complexity > LINEAR_MAX_QUERY_COMPLEXITY) {
        const message = `The query is too complex. Complexity: ${report.complexity}. Maximum allowed complexity: ${LINEAR_MAX_QUERY_COMPLEXITY}.`;
        return json(400, linearQueryTooComplexBody(message), headersWith(report.complexity));
      }
      deps.limiter.charge(identity.key.key, report.complexity, clock);
      complexity = report.complexity;
    }

    const contextValue: LinearRequestContext = {
      state: deps.state,
      viewer: identity.user,
      auth: identity.auth,
      webUrl: deps.webUrl,
      now: deps.now,
      rateLimit: () => deps.limiter.snapshot(identity.key.key, clock),
    };
    const result = await execute({
      schema: linearSchema(),
      document,
      variableValues: body.variables,
      operationName: body.operationName,
      contextValue,
      fieldResolver: linearFieldResolver,
    });
    // No `data` at all means the request failed before execution (variables that do not fit, no operation).
    if (!('data' in result)) {
      return json(400, linearValidationErrorBody(result.errors ?? [], 'GRAPHQL_VALIDATION_FAILED'), headersWith(complexity));
    }
    const responseBody: { data: unknown; errors?: LinearErrorBody['errors'] } = { data: result.data ?? null };
    if (result.errors?.length) responseBody.errors = result.errors.map(formatExecutionError);
    return json(200, responseBody, headersWith(complexity));
  };
}
