/** Limiter keys for accounts: a hash of the lower-cased email, so no address reaches the limiter's store. */
import { hashSecretToken } from '@domain/identity/secret-token';

export const accountLimitKey = (email: string) => hashSecretToken(email.trim().toLowerCase()).slice(0, 32);
