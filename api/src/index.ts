export { ApiKeyAuthenticator, createApiKey, generateApiKey, hashApiKey } from './auth/apiKeys';
export { createGraphQLServer } from './graphql/yoga';
export { schema } from './graphql/schema';
export { ingestMessages, type IngestionResult } from './ingestion/ingestMessages';
export { type ApiServer, type ApiServerOptions, createApiServer } from './server';
export { createWorkspace } from './workspaces/createWorkspace';
export { credentialsFile, type DemoCredentials, ensureDemoWorkspace } from './seed/demoWorkspace';
export { addMember } from './auth/accounts';
