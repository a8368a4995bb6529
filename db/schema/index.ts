/** The whole database schema, one group of tables per file; drizzle-kit and the Drizzle clients read it from here. */
export * from './analytics';
export * from './audit';
export * from './auth';
export * from './carts';
export * from './catalog';
export * from './catalog-import';
export * from './checkout';
export * from './content';
export * from './customers';
export * from './email';
export * from './inventory';
export * from './orders';
export * from './promotions';
export * from './returns';
export * from './staff';
export * from './system';
export * from './tax-shipping';
