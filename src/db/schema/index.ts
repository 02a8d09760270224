export * from './tenancy.table';
export * from './clinical.table';
export * from './operations.table';
export * from './webhooks.table';
