// Liquid templates live behind their own entry point (`@tideflow/domain/templates`):
// liquidjs' Node build imports fs, which Temporal's workflow sandbox refuses.
export * from './liquidTemplates';
