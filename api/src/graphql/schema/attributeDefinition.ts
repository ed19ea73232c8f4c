import { builder } from '../builder';
import { workspaceOf } from '../context';

builder.prismaObject('AttributeDefinition', {
  description: 'A user attribute known to the workspace: system (a column of every user) or custom (a trait), with its inferred type.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    displayName: t.exposeString('displayName'),
    type: t.exposeString('type', { description: 'STRING, NUMBER, BOOLEAN, DATE, ARRAY or OBJECT.' }),
    system: t.exposeBoolean('system'),
    firstSeenAt: t.expose('firstSeenAt', { type: 'DateTime' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime' }),
  }),
});

builder.queryField('attributeDefinitions', (t) =>
  t.prismaField({
    type: ['AttributeDefinition'],
    description: 'System attributes first, then custom traits by name.',
    resolve: (query, _root, _args, context) =>
      context.prisma.attributeDefinition.findMany({ ...query, where: { workspaceId: workspaceOf(context) }, orderBy: [{ system: 'desc' }, { name: 'asc' }] }),
  }),
);
