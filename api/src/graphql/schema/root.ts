import { builder } from '../builder';

/**
 * Every root field needs a caller with a workspace: a secret key (integrators,
 * with an admin's rights) or a signed-in member. Queries are open to every
 * role; mutations need an editor, and fields that manage the workspace an admin.
 */
builder.queryType({ authScopes: { workspace: true } });
builder.mutationType({ authScopes: { editor: true } });
