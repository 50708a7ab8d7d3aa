/**
 * The ticket engine: protocol, parsing, errors and the credential model. Imports nothing from
 * `electron` or `react` (enforced by ESLint and the core tsconfig), so it runs in plain Node.
 */
export * from './accounts-client';
export * from './credential';
export * from './data-centres';
export * from './errors';
export * from './node-transport';
export * from './properties';
export * from './redact';
export * from './ticket-answer';
