/** Who can sign in: shoppers and back-office staff. They are separate accounts with separate sessions and cookies. */

export const PRINCIPAL_KINDS = ['customer', 'staff'] as const;

/** A kind of account. */
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];
