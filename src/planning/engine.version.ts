// Bump on any change that can alter a plan for the same input: stored plans name the version that made them.
export const ENGINE_VERSION = '2.3.67';
export const CATALOG_VERSION = '2.3.6';
