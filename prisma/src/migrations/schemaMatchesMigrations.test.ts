import { pendingSchemaChangeSql } from './createMigration';

// A change to schema.prisma needs its migration (`npm run db:migration:create -- <name>`).
it('schema.prisma matches the committed migrations', async () => {
  expect(await pendingSchemaChangeSql()).toBe('');
}, 60_000);
