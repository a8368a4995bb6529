/** Result types that survive Durable Object RPC typing, so stub callers can switch on `ok` and error codes. */
import type { ErrorCode, Result } from '@domain/core/result';

type Scalar = string | number | boolean | null;

/**
 * What `error.meta` values may be across RPC: scalars and flat lists/objects of them (e.g. the
 * `issues` of VALIDATION_FAILED). Deliberately not recursive: a recursive JSON type makes the
 * stub typing "excessively deep" for callers.
 */
export type RpcMetaValue = Scalar | Scalar[] | Record<string, Scalar> | Record<string, Scalar>[];

/** DomainError with meta narrowed to cloneable values. */
export type RpcError = { code: ErrorCode; detail: string; meta?: Record<string, RpcMetaValue> };

/**
 * What every DO RPC method returns. Structurally a `Result<T>` (assignable to it). Needed because
 * the stub typing drops union members it cannot prove serialisable, and DomainError's
 * `meta: Record<string, unknown>` would erase the failure branch: callers would see only `{ ok: true }`.
 */
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Narrows a Result for RPC. Domain meta holds only numbers, strings and flat lists/objects of them. */
export function toRpc<T>(result: Result<T>): RpcResult<T> {
  return result as RpcResult<T>;
}
