import { type PrismaClient, sqlDriverOf, type User } from '@tideflow/db';
import { isJsonObject, systemAttributeNames, type UserFacts } from '@tideflow/domain';

export function userFactsOf(user: User): UserFacts {
  const system: UserFacts['system'] = {};
  for (const name of systemAttributeNames) {
    const value = user[name];
    system[name] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return { id: user.id, externalId: user.externalId, system, traits: isJsonObject(user.traits) ? user.traits : {} };
}

/**
 * The run's user as stored now. Runs are looked up by id rather than the
 * workflow's userId: an anonymous profile merged into a known one moves its
 * runs along, and the run row follows.
 */
export async function loadRunUser(prisma: PrismaClient, runId: string): Promise<User | null> {
  // Most steps read the user: on the driver, as the run's progress is written (runRecords.ts), not through Prisma.
  const { rows } = await sqlDriverOf(prisma).query<User>(runUserQuery(), [runId]);
  return rows[0] ?? null;
}

/** The query behind `loadRunUser` (the run's id is `$1`; `r` is the run), with extra columns after the user's. */
export function runUserQuery(extraColumns = ''): string {
  return `SELECT u.*${extraColumns} FROM "JourneyRun" r JOIN "User" u ON u.id = r."userId" WHERE r.id = $1::uuid`;
}

export class RunUserMissing extends Error {
  constructor(runId: string) {
    super(`The user of journey run ${runId} no longer exists`);
    this.name = 'RunUserMissing';
  }
}
