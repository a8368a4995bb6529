/**
 * What each expected failure means to a caller: its HTTP status and title. The API's problem+json (worker/http) and
 * the pages' form errors read this one table; the compiler proves every code has an entry.
 */
import type { ErrorCode } from './result';

/** The statuses an expected failure may have: client errors only, a fault on our side is never a domain result. */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 422 | 429;

export const ERROR_TYPES: Record<ErrorCode, { status: ErrorStatus; title: string }> = {
  VALIDATION_FAILED: { status: 400, title: 'Request validation failed' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  INVALID_TOKEN: { status: 400, title: 'This link is invalid or has expired' },
  EMAIL_NOT_VERIFIED: { status: 403, title: 'Email address not verified yet' },
  PAYMENT_DECLINED: { status: 402, title: 'Payment declined' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  NOT_FOUND: { status: 404, title: 'Resource not found' },
  INSUFFICIENT_STOCK: { status: 409, title: 'Not enough stock' },
  CONFLICT: { status: 409, title: 'Conflict' },
  ORDER_CHANGED: { status: 409, title: 'The order changed since you last saw it' },
  CHECKOUT_INCOMPLETE: { status: 409, title: 'A checkout step is not done yet' },
  PROMOTION_LIMIT_REACHED: { status: 409, title: 'A discount ran out while you checked out' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still in progress' },
  PLACEMENT_IN_PROGRESS: { status: 409, title: 'The order is still being placed' },
  QUANTITY_OUT_OF_RANGE: { status: 422, title: 'Quantity out of range' },
  CART_LINE_LIMIT: { status: 422, title: 'Too many lines in the cart' },
  CURRENCY_MISMATCH: { status: 422, title: 'Currency mismatch' },
  INVALID_TRANSITION: { status: 422, title: 'Transition not allowed' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Idempotency-Key reused with a different request' },
  PROMOTION_NOT_APPLICABLE: { status: 422, title: 'Promotion not applicable' },
  UNKNOWN_SKU: { status: 422, title: 'Unknown SKU' },
  PAYMENT_METHOD_UNAVAILABLE: { status: 422, title: 'Payment method not available' },
  INVALID_IMAGE: { status: 422, title: 'Not a supported image' },
  INVALID_DATE: { status: 422, title: 'Date not acceptable' },
  IMPORT_REJECTED: { status: 422, title: 'The import file has errors; nothing was imported' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  LOGIN_LOCKED: { status: 429, title: 'Too many failed logins' },
};

/** The HTTP status of an expected failure. */
export const statusOfError = (code: ErrorCode): ErrorStatus => ERROR_TYPES[code].status;
