/** Expected failures are values: every domain rule returns a Result, and one table (errors.ts) gives each code its HTTP status. */

/** Machine-readable codes for expected failures. Each has an HTTP status and title in errors.ts. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'UNKNOWN_SKU'
  | 'INSUFFICIENT_STOCK'
  | 'QUANTITY_OUT_OF_RANGE'
  | 'CART_LINE_LIMIT'
  | 'CURRENCY_MISMATCH'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'
  | 'ORDER_CHANGED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'EMAIL_NOT_VERIFIED'
  | 'LOGIN_LOCKED'
  | 'INVALID_TOKEN'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'PLACEMENT_IN_PROGRESS'
  | 'PROMOTION_NOT_APPLICABLE'
  | 'PROMOTION_LIMIT_REACHED'
  | 'INVALID_IMAGE'
  | 'IMPORT_REJECTED'
  | 'PAYMENT_DECLINED'
  | 'CHECKOUT_INCOMPLETE'
  | 'PAYMENT_METHOD_UNAVAILABLE'
  | 'INVALID_DATE';

/** A failure the caller can act on: a code to switch on, a human sentence, optional details. */
export interface DomainError {
  code: ErrorCode;
  detail: string;
  /** Extra machine-readable facts, e.g. `{ available: 3 }` for INSUFFICIENT_STOCK. */
  meta?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** Wraps a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps an expected failure. */
export const fail = <T = never>(
  code: ErrorCode,
  detail: string,
  meta?: Record<string, unknown>,
): Result<T> => ({
  ok: false,
  error: meta ? { code, detail, meta } : { code, detail },
});
