import type { MemberRole, PrismaClient } from '@tideflow/db';
import { hashPassword } from './passwords';

/** Creates an account (or finds it by email) and makes it a member of the workspace with `role`. */
export async function addMember(prisma: PrismaClient, input: { workspaceId: string; email: string; name: string; password: string; role: MemberRole }) {
  const email = input.email.trim().toLowerCase();
  const existing = await prisma.account.findUnique({ where: { email } });
  const account = existing ?? (await prisma.account.create({ data: { email, name: input.name, passwordHash: await hashPassword(input.password) } }));
  await prisma.membership.upsert({
    where: { accountId_workspaceId: { accountId: account.id, workspaceId: input.workspaceId } },
    create: { accountId: account.id, workspaceId: input.workspaceId, role: input.role },
    update: { role: input.role },
  });
  return account;
}
