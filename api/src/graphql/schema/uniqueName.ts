import { Prisma } from '@tideflow/db';
import { ConflictError } from '../errors';

export const nameTaken = (what: string, name: string) => new ConflictError(`${what} named "${name}" already exists`, 'input.name');

/**
 * Writes a row whose name is unique per workspace. A concurrent request can take
 * the name between a check and the write: the unique index decides, and the
 * loser gets the same CONFLICT as a check would give.
 */
export async function writingUniqueName<T>(what: string, name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (name && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw nameTaken(what, name);
    throw error;
  }
}
