import { createMigration } from '../migrations/createMigration';

/** `npm run db:migration:create -- <name>`: a new migration from the change to schema.prisma. */
async function main() {
  const dir = await createMigration(process.argv.slice(2).join(' '));
  console.log(dir ? `Created ${dir}` : 'schema.prisma matches the migrations: nothing to create.');
}

main().then(() => process.exit(0), (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
