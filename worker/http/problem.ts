/** One error format for the whole API: RFC 9457 problem+json, produced from error codes by one mapper. */

import { ERROR_TYPES } from '@domain/core/errors';
import type { DomainError, ErrorCode } from '@domain/core/result';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Codes raised by the HTTP layer itself, beside the domain's. */
export type HttpErrorCode =
  | 'MALFORMED_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'METHOD_NOT_ALLOWED'
  | 'ROUTE_NOT_FOUND'
  | 'IDEMPOTENCY_KEY_QUOTA'
  | 'UPGRADE_REQUIRED'
  | 'INTERNAL_ERROR';

export type ProblemCode = ErrorCode | HttpErrorCode;

/** The status and title for every code: the domain's table (domain/core/errors.ts) plus the HTTP layer's own. */
const PROBLEM_TYPES: Record<ProblemCode, { status: ContentfulStatusCode; title: string }> = {
  ...ERROR_TYPES,
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  UPGRADE_REQUIRED: { status: 426, title: 'Upgrade required' },
  IDEMPOTENCY_KEY_QUOTA: { status: 429, title: 'Too many Idempotency-Keys from this client' },
  INTERNAL_ERROR: { status: 500, title: 'Internal server error' },
};

/** A field-level validation error. */
export interface FieldError {
  path: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  requestId?: string;
  errors?: FieldError[];
  /**
   * The domain error's details (e.g. INSUFFICIENT_STOCK's `available`), nested so they can never overwrite the
   * problem's own members (`status`, `code`, `requestId`, …).
   */
  meta?: Record<string, unknown>;
}

/** Thrown by middleware and handlers for an expected HTTP failure; app.onError renders it. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: {
      errors?: FieldError[];
      meta?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
  }
}

/** The HTTP status a code maps to. */
export const statusOf = (code: ProblemCode): ContentfulStatusCode => PROBLEM_TYPES[code].status;

/** Builds the problem body for a code. */
export function problemBody(
  code: ProblemCode,
  detail: string,
  extra: { requestId?: string; errors?: FieldError[]; meta?: Record<string, unknown> } = {},
): ProblemBody {
  const { status, title } = PROBLEM_TYPES[code];
  return {
    type: `/api/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    detail,
    code,
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.meta && Object.keys(extra.meta).length > 0 ? { meta: extra.meta } : {}),
  };
}

/** Renders a problem response in a Hono handler. */
export function problem(
  c: Context,
  code: ProblemCode,
  detail: string,
  extra: { errors?: FieldError[]; meta?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response {
  const body = problemBody(code, detail, { ...extra, requestId: c.get('requestId') });
  // c.newResponse, not new Response: headers middleware set before the failure (X-Request-Id) stay on it.
  return c.newResponse(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    ...extra.headers,
  });
}

/** A domain failure (a Result's error) as a throwable problem; handlers `throw problemFrom(result.error)`. */
export const problemFrom = (error: DomainError): ProblemError =>
  new ProblemError(error.code, error.detail, error.meta ? { meta: error.meta } : {});

/** Zod-style issues to field errors. */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldError[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** The problem body as a schema, for the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.keys(PROBLEM_TYPES) as [ProblemCode, ...ProblemCode[]]),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    meta: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({
        description: "The error's details, e.g. `{ available }` for INSUFFICIENT_STOCK.",
        example: { available: 3 },
      }),
  })
  .openapi('Problem');

/** Response entries for route definitions: `responses: { ...problemResponses(400, 404) }`. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: 'Problem (RFC 9457)',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}
