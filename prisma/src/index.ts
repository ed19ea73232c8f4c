export { type Database, type OpenDatabaseOptions, openDatabase, sqlDriverOf } from './database';
export type { SqlDriver, SqlQueryable, SqlResult, TransactionOptions } from './sqlDriver';
export { transactionQueryable } from './transactionQueryable';
export { type DatabaseConfig, databaseConfigFromEnv, defaultDataDir, describeDatabase, repositoryRoot } from './databaseConfig';
export { Prisma, PrismaClient } from './generated/client';
export * from './generated/enums';
export type { ApiKey, AttributeDefinition, ChannelSettings, Event, EventDefinition, EventGroup, Journey, JourneyRun, JourneyRunStep, JourneyVersion, Account, Membership, Message, Segment, SegmentMember, SegmentUpload, Session, User, UserIdentity, Workspace } from './generated/client';
export type { default as PothosPrismaTypes } from './generated/pothos-types';
export { getDatamodel as getPothosPrismaDatamodel } from './generated/pothos-types';
