/**
 * What a person may type into the account forms, in one place for the API and the pages. Emails are trimmed and
 * lower-cased (the unique indexes compare them that way). Password policy: 8 to 256 characters (the cap bounds the
 * hashing work one request can cause), and not the email address itself. No composition rules (NIST SP 800-63B).
 */

import { SUPPORTED_COUNTRY_CODES } from '@domain/customers/address';
import { z } from 'zod';
import { PasswordSchema } from './password';

/** RFC 5321 caps a path at 256 octets, so an address longer than 254 characters cannot receive mail. */
export const MAX_EMAIL_LENGTH = 254;

export const EmailSchema = z
  .string()
  .trim()
  .max(MAX_EMAIL_LENGTH)
  .pipe(z.email({ message: 'Enter an email address like name@example.com' }))
  .transform((e) => e.toLowerCase());

export const PersonNameSchema = z.string().trim().min(1, 'Enter your name').max(100);

/** PasswordSchema's bounds, with one clear message for a password too short (spaces do not count). */
export const NewPasswordSchema = z
  .string()
  .max(PasswordSchema.maxLength ?? 256, 'Use at most 256 characters')
  .refine((p) => p.trim().length >= (PasswordSchema.minLength ?? 8), {
    message: 'Use at least 8 characters (not counting spaces at the ends)',
  });

/** A new password must not be the account's own email address. */
export function passwordRepeatsEmail(password: string, email: string): boolean {
  return password.trim().toLowerCase() === email.trim().toLowerCase();
}

export const RegisterInputSchema = z
  .object({
    email: EmailSchema,
    password: NewPasswordSchema,
    name: PersonNameSchema,
    country: z.enum(SUPPORTED_COUNTRY_CODES, { message: 'Choose a country we ship to' }).optional(),
  })
  .strict()
  .refine((v) => !passwordRepeatsEmail(v.password, v.email), {
    path: ['password'],
    message: 'Choose a password that is not your email address',
  });

export type RegisterInput = z.infer<typeof RegisterInputSchema>;

/** Login takes any string up to the caps: the check is the password's, never a format hint. */
export const LoginInputSchema = z
  .object({ email: z.string().trim().min(1).max(MAX_EMAIL_LENGTH), password: z.string().min(1).max(256) })
  .strict();
