import type { PrismaClient } from '@tideflow/db';
import { JourneyDefinition } from '@tideflow/domain';

export interface FrozenJourneyVersion {
  journeyId: string;
  workspaceId: string;
  journeyName: string;
  version: number;
  definition: JourneyDefinition;
}

/**
 * Published versions never change, so each process keeps the ones it has
 * read (bounded). The journey's name is read along, for memos and logs.
 */
export class JourneyVersionCache {
  private readonly versions = new Map<string, FrozenJourneyVersion>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly capacity = 500,
  ) {}

  async get(journeyId: string, version: number): Promise<FrozenJourneyVersion | null> {
    const cached = this.cached(journeyId, version);
    if (cached) return cached;
    const row = await this.prisma.journeyVersion.findUnique({ where: { journeyId_version: { journeyId, version } }, include: { journey: { select: { name: true, workspaceId: true } } } });
    if (!row) return null;
    return this.remember({ journeyId, workspaceId: row.journey.workspaceId, journeyName: row.journey.name, version, definition: JourneyDefinition.parse(row.definition) });
  }

  /** The version if this process has read it, without a query (for callers inside a transaction). */
  cached(journeyId: string, version: number): FrozenJourneyVersion | undefined {
    return this.versions.get(`${journeyId}@${version}`);
  }

  /** Keeps a version read elsewhere (its definition parsed with `JourneyDefinition`). */
  remember(frozen: FrozenJourneyVersion): FrozenJourneyVersion {
    if (this.versions.size >= this.capacity) this.versions.delete(this.versions.keys().next().value!);
    this.versions.set(`${frozen.journeyId}@${frozen.version}`, frozen);
    return frozen;
  }
}
