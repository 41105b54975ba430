import type { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * `extensions.type` strings Linear sends. @linear/sdk's `parseLinearError` maps exactly these to its error classes
 * (`authentication error` → AuthenticationLinearError, `ratelimited` → RatelimitedLinearError, ...).
 */
export type LinearErrorType =
  | 'authentication error'
  | 'forbidden'
  | 'graphql error'
  | 'internal error'
  | 'invalid input'
  | 'ratelimited'
  | 'user error';

export interface LinearErrorExtensions {
  type: LinearErrorType;
  code: string;
  userError?: boolean;
  userPresentableMessage?: string;
  statusCode?: number;
}

export interface LinearErrorJson {
  message: string;
  path?: readonly (string | number)[];
  locations?: GraphQLFormattedError['locations'];
  extensions: LinearErrorExtensions;
}

export interface LinearErrorBody {
  errors: LinearErrorJson[];
  data?: null;
}

/** An error a resolver throws to answer the way Linear does (HTTP 200, `errors[]`, `data` nulled up to the root field). */
export class LinearApiError extends Error {
  constructor(
    message: string,
    readonly extensions: LinearErrorExtensions,
  ) {
    super(message);
    this.name = 'LinearApiError';
  }
}

/** A bad argument: unknown id, id from another team, duplicate client id, missing required value. */
export function invalidInput(message: string, userPresentableMessage: string = message): LinearApiError {
  return new LinearApiError(message, { type: 'invalid input', code: 'INPUT_ERROR', userError: true, userPresentableMessage });
}

export function entityNotFound(entity: string): LinearApiError {
  return invalidInput(`Entity not found: ${entity}`, `Could not find referenced ${entity}.`);
}

/** A client-supplied id that is already taken: how a retried create whose first attempt landed shows up. */
export function duplicateId(entity: string, id: string): LinearApiError {
  return invalidInput(`${entity} with id ${id} already exists`, `${entity} with this id already exists.`);
}

export function forbidden(message: string): LinearApiError {
  return new LinearApiError(message, { type: 'forbidden', code: 'FORBIDDEN', userError: true, userPresentableMessage: message });
}

export function linearAuthenticationErrorBody(): LinearErrorBody {
  return {
    errors: [
      {
        message: 'Authentication required, not authenticated',
        extensions: {
          type: 'authentication error',
          code: 'AUTHENTICATION_ERROR',
          userPresentableMessage: 'You need to authenticate to access this operation.',
        },
      },
    ],
  };
}

/** Parse and validation failures, and variables that do not fit their declared types: rejected before execution. */
export function linearValidationErrorBody(errors: readonly GraphQLError[], code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED'): LinearErrorBody {
  return {
    errors: errors.map((error) => ({
      message: error.message,
      ...(error.locations ? { locations: error.locations } : {}),
      extensions: { type: 'graphql error', code, statusCode: 400, userError: true },
    })),
  };
}

export function linearBadRequestBody(message: string): LinearErrorBody {
  return { errors: [{ message, extensions: { type: 'graphql error', code: 'BAD_REQUEST', statusCode: 400, userError: true } }] };
}

/** Rejected before execution, as Linear rejects a query over its complexity limit (HTTP 400). */
export function linearQueryTooComplexBody(userPresentableMessage: string, message = 'Query too complex'): LinearErrorBody {
  return {
    errors: [{ message, extensions: { type: 'invalid input', code: 'INPUT_ERROR', statusCode: 400, userError: true, userPresentableMessage } }],
  };
}

/** Shapes an execution error; anything that is not a LinearApiError is an emulator bug and says so. */
export function formatExecutionError(error: GraphQLError): LinearErrorJson {
  const located = {
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
  };
  const original = error.originalError;
  if (original instanceof LinearApiError) return { message: original.message, ...located, extensions: original.extensions };
  return {
    message: `Emulator error: ${error.message}`,
    ...located,
    extensions: { type: 'internal error', code: 'INTERNAL_SERVER_ERROR', userPresentableMessage: 'An internal error occurred.' },
  };
}
