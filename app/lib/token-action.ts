/** The server side of a page opened from an emailed link: read the posted token, count the attempt, spend it. */
import type { RequestEventAction } from '@builder.io/qwik-city';
import { statusOfError } from '@domain/core/errors';
import type { Result } from '@domain/core/result';
import type { LimitName } from '@worker/services/limits';
import { z } from 'zod';
import { formFailure, tooManyAttempts } from '~/lib/form-input';
import { pageLimit } from '~/lib/limits';

const TokenForm = z.object({ token: z.string().min(1).max(128) });

/**
 * Spends the token with `use` after the `verify-address` limit (and `account`'s, when given), as the API's token
 * routes do. Success is `{ done: true }`; a failure is the service's own sentence ("This link is invalid, was already
 * used, or has expired.").
 */
export async function runTokenAction(
  data: unknown,
  event: RequestEventAction<QwikCityPlatform>,
  use: (token: string) => Promise<Result<unknown>>,
  account?: [LimitName, string],
) {
  const parsed = TokenForm.safeParse(data);
  if (!parsed.success)
    return event.fail(400, formFailure('This link is incomplete. Open it again from your email.'));
  const wait = await pageLimit(event, 'verify-address', account);
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  const result = await use(parsed.data.token);
  if (!result.ok) return event.fail(statusOfError(result.error.code), formFailure(result.error.detail));
  return { done: true as const };
}
