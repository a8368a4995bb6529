/** readForm: domain schemas on posted forms, with field errors a shopper can act on. */
import { AddressInputSchema } from '@domain/customers/address';
import { RegisterInputSchema } from '@domain/identity/account-input';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readForm, tooManyAttempts } from './form-input';

const REGISTER_LABELS = { name: 'Name', email: 'Email address', password: 'Password', country: 'Country' };

describe('readForm', () => {
  it('returns the parsed value', () => {
    const read = readForm(
      RegisterInputSchema,
      { name: ' Ann ', email: 'Ann@Example.com', password: 'long enough', country: 'US' },
      REGISTER_LABELS,
    );
    expect(read).toEqual({
      ok: true,
      value: { name: 'Ann', email: 'ann@example.com', password: 'long enough', country: 'US' },
    });
  });

  it('keeps the schema’s own messages and words the generic ones with the field’s label', () => {
    const read = readForm(
      RegisterInputSchema,
      { name: '', email: 'nope', password: 'short' },
      REGISTER_LABELS,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.failure.fieldErrors).toEqual({
      name: 'Enter your name.',
      email: 'Enter an email address like name@example.com.',
      password: expect.stringMatching(/at least 8 characters/),
    });
    // In the form's order (the labels'), whatever order the schema found them in.
    expect(Object.keys(read.failure.fieldErrors ?? {})).toEqual(['name', 'email', 'password']);
    expect(read.failure.message).toBe('Please check the form: 3 fields need attention.');
  });

  it('says a missing field is required, and reports one error as the summary', () => {
    const read = readForm(z.object({ email: z.string().min(1) }), {}, { email: 'Email address' });
    expect(read).toEqual({
      ok: false,
      failure: {
        message: 'Email address is required.',
        fieldErrors: { email: 'Email address is required.' },
      },
    });
  });

  it('keys nested fields by dotted path, with the country’s own field names', () => {
    const schema = z.object({ address: AddressInputSchema });
    const read = readForm(
      schema,
      {
        address: {
          name: 'Jo',
          line1: '1 Main St',
          city: 'Springfield',
          region: 'IL',
          postalCode: '1234',
          country: 'US',
        },
      },
      {},
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.failure.fieldErrors).toEqual({ 'address.postalCode': 'ZIP code must look like 95014.' });
  });
});

describe('tooManyAttempts', () => {
  it('says how long to wait', () => {
    expect(tooManyAttempts(30).message).toBe('Too many attempts. Please wait 30 seconds and try again.');
    expect(tooManyAttempts(1).message).toBe('Too many attempts. Please wait a second and try again.');
  });
});
