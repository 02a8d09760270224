export * from './tenancy.table';
export * from './clinical.table';
export * from './operations.table';
