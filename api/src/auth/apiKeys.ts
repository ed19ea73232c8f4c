import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyKind, PrismaClient } from '@tideflow/db';

/** Keys say what they are, so a leaked one is recognisable (and secret scanners can match it). */
export const apiKeyPrefixes: Record<ApiKeyKind, string> = { WRITE: 'tfw_', SECRET: 'tfs_' };

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** 192 random bits, base62-ish; only the SHA-256 is stored. */
export function generateApiKey(kind: ApiKeyKind): { key: string; prefix: string; hashedKey: string } {
  const key = apiKeyPrefixes[kind] + randomBytes(24).toString('base64url');
  return { key, prefix: key.slice(0, apiKeyPrefixes[kind].length + 6), hashedKey: hashApiKey(key) };
}

export async function createApiKey(prisma: PrismaClient, workspaceId: string, kind: ApiKeyKind, name: string) {
  const { key, prefix, hashedKey } = generateApiKey(kind);
  const apiKey = await prisma.apiKey.create({ data: { workspaceId, kind, name, prefix, hashedKey } });
  return { apiKey, key };
}

export interface ApiKeyPrincipal {
  apiKeyId: string;
  workspaceId: string;
  kind: ApiKeyKind;
}

/**
 * Resolves keys to workspaces with a short per-process cache, so ingestion
 * does not pay a query per request. Revoking through this process takes
 * effect at once; other processes see it within `ttlMs`.
 */
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, { principal: ApiKeyPrincipal | null; expiresAt: number }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs = 10_000,
  ) {}

  async authenticate(key: string, kind: ApiKeyKind): Promise<ApiKeyPrincipal | null> {
    if (!key || key.length > 200 || !key.startsWith(apiKeyPrefixes[kind])) return null;
    const hashedKey = hashApiKey(key);
    const cached = this.cache.get(hashedKey);
    if (cached && cached.expiresAt > Date.now()) return cached.principal;
    const row = await this.prisma.apiKey.findUnique({ where: { hashedKey }, select: { id: true, workspaceId: true, kind: true, revokedAt: true } });
    const principal = row && !row.revokedAt && row.kind === kind ? { apiKeyId: row.id, workspaceId: row.workspaceId, kind: row.kind } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hashedKey, { principal, expiresAt: Date.now() + this.ttlMs });
    return principal;
  }

  forget(apiKeyId: string): void {
    for (const [hash, entry] of this.cache) if (entry.principal?.apiKeyId === apiKeyId) this.cache.delete(hash);
  }
}
