import { createHash, randomBytes } from 'node:crypto';
import type { MemberRole, PrismaClient } from '@tideflow/db';

export const sessionCookieName = 'tideflow_session';
const sessionDays = 14;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionPrincipal {
  sessionId: string;
  accountId: string;
  workspaceId: string;
  role: MemberRole;
}

/** A new session for an account in a workspace; returns the token for the cookie (only its hash is stored). */
export async function openSession(prisma: PrismaClient, accountId: string, workspaceId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
  await prisma.session.create({ data: { accountId, workspaceId, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

/** The session a cookie names, if it is current and its account still belongs to the workspace (with its role now). */
export async function findSession(prisma: PrismaClient, token: string): Promise<SessionPrincipal | null> {
  if (!token || token.length > 100) return null;
  const session = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!session || session.expiresAt < new Date()) return null;
  const membership = await prisma.membership.findUnique({ where: { accountId_workspaceId: { accountId: session.accountId, workspaceId: session.workspaceId } } });
  if (!membership) return null;
  // Sliding expiry, written at most once an hour.
  if (Date.now() - session.lastSeenAt.getTime() > 3_600_000) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + sessionDays * 86_400_000) } });
  }
  return { sessionId: session.id, accountId: session.accountId, workspaceId: session.workspaceId, role: membership.role };
}

export async function closeSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** httpOnly, SameSite=Lax; Secure unless the app is served over plain http (local development). */
export function sessionCookie(token: string | null, expiresAt: Date | null, secure: boolean): string {
  const parts = [`${sessionCookieName}=${token ? encodeURIComponent(token) : ''}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (secure) parts.push('Secure');
  parts.push(token && expiresAt ? `Expires=${expiresAt.toUTCString()}` : 'Max-Age=0');
  return parts.join('; ');
}
