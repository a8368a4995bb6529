/** Result types that survive Durable Object RPC typing, so stub callers can switch on `ok` and error codes. */
import type { ErrorCode, Result } from '../domain/result';

/** A structured-cloneable, JSON-like value: what `error.meta` may hold when crossing RPC. */
export type RpcMetaValue =
  | string
  | number
  | boolean
  | null
  | RpcMetaValue[]
  | { [key: string]: RpcMetaValue };

/** DomainError with meta narrowed to cloneable values. */
export type RpcError = { code: ErrorCode; detail: string; meta?: Record<string, RpcMetaValue> };

/**
 * What every DO RPC method returns. Structurally a `Result<T>` (assignable to it), but the stub
 * typing drops union members it cannot prove serialisable, and DomainError's `meta: unknown`
 * would erase the failure branch: callers would see only `{ ok: true }`.
 */
export type RpcResult<T> = Result<T>;

/** Narrows a Result for RPC. Domain meta holds only numbers, strings and plain lists/objects of them. */
export function toRpc<T>(result: Result<T>): RpcResult<T> {
  return result as RpcResult<T>;
}
