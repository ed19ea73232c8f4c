export { createWorkspace } from './workspaces/createWorkspace';
export { ingestMessages, type IngestionResult } from './ingestion/ingestMessages';
export { ApiKeyAuthenticator, createApiKey, generateApiKey, hashApiKey } from './auth/apiKeys';
