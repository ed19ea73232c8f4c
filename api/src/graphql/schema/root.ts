import { builder } from '../builder';

/** Every root field needs a caller with a workspace (a secret key, or later a session). */
builder.queryType({ authScopes: { workspace: true } });
builder.mutationType({ authScopes: { workspace: true } });
