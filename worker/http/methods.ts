/** Which HTTP methods change state: the one list the body, idempotency and rate-limit middlewares share. */

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for methods that may change state (and so carry a body, an Idempotency-Key and a write budget). */
export const isWriteMethod = (method: string): boolean => WRITE_METHODS.has(method.toUpperCase());
