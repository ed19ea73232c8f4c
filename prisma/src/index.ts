export { type Database, type OpenDatabaseOptions, openDatabase } from './database';
export { type DatabaseConfig, databaseConfigFromEnv, defaultDataDir, describeDatabase, repositoryRoot } from './databaseConfig';
export { Prisma, PrismaClient } from './generated/client';
export * from './generated/enums';
export type * from './generated/models';
