import { z } from 'zod';
import { addMember } from '../../auth/accounts';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../auth/passwords';
import { closeSession, openSession, sessionCookie } from '../../auth/sessions';
import { SignInThrottle } from '../../auth/signInThrottle';
import { builder } from '../builder';
import { type GraphQLContext, workspaceOf } from '../context';
import { ConflictError, inputError, NotFoundError, UnauthenticatedError } from '../errors';
import { requireUuid } from './ids';
import { storableText } from './text';

export const MemberRole = builder.enumType('MemberRole', {
  values: {
    ADMIN: { description: 'Everything, including members, API keys and channels.' },
    EDITOR: { description: 'Builds and runs journeys, segments and campaigns.' },
    VIEWER: { description: 'Reads everything, changes nothing.' },
  } as const,
});

builder.prismaObject('Account', {
  description: 'A person who signs in to the app.',
  fields: (t) => ({ id: t.exposeID('id'), email: t.exposeString('email'), name: t.exposeString('name'), lastSignInAt: t.expose('lastSignInAt', { type: 'DateTime', nullable: true }) }),
});

builder.prismaObject('Membership', {
  description: "An account's role in this workspace.",
  fields: (t) => ({ account: t.relation('account'), role: t.expose('role', { type: MemberRole }), createdAt: t.expose('createdAt', { type: 'DateTime' }) }),
});

interface Viewer {
  kind: 'SESSION' | 'SECRET_KEY';
  role: 'ADMIN' | 'EDITOR' | 'VIEWER';
  accountId: string | null;
  workspaceId: string;
}

const ViewerKind = builder.enumType('ViewerKind', { values: { SESSION: { description: 'A signed-in member (the app).' }, SECRET_KEY: { description: 'An integrator with a secret key (admin rights).' } } as const });

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'Who is calling, and what they may do.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ViewerKind }),
    role: t.expose('role', { type: MemberRole }),
    canEdit: t.boolean({ resolve: (v) => v.role !== 'VIEWER' }),
    isAdmin: t.boolean({ resolve: (v) => v.role === 'ADMIN' }),
    account: t.prismaField({ type: 'Account', nullable: true, resolve: (query, v, _args, { prisma }) => (v.accountId ? prisma.account.findUnique({ ...query, where: { id: v.accountId } }) : null) }),
    workspace: t.prismaField({ type: 'Workspace', resolve: (query, v, _args, { prisma }) => prisma.workspace.findUniqueOrThrow({ ...query, where: { id: v.workspaceId } }) }),
  }),
});

function viewerOf(context: GraphQLContext): Viewer {
  return { kind: context.session ? 'SESSION' : 'SECRET_KEY', role: context.role ?? 'VIEWER', accountId: context.session?.accountId ?? null, workspaceId: workspaceOf(context) };
}

builder.queryField('me', (t) => t.field({ type: ViewerRef, description: 'The caller: a signed-in member or a secret key, with their role.', resolve: (_root, _args, context) => viewerOf(context) }));

const Email = z.string().trim().toLowerCase().pipe(z.email('must be an email address')).pipe(z.string().max(254));
const Password = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');
const Name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').superRefine(storableText);

const throttle = new SignInThrottle();

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: z.string().trim().toLowerCase().max(254, 'must be at most 254 characters') }),
    password: t.string({ required: true, validate: z.string().max(200, 'must be at most 200 characters') }),
    workspaceId: t.id({ description: 'Which of your workspaces to work in (the first otherwise).' }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.field({
    type: ViewerRef,
    authScopes: { public: true },
    skipTypeScopes: true,
    description: 'Signs in with email and password; sets the session cookie (httpOnly). Wrong credentials: UNAUTHENTICATED (the same for an unknown email).',
    args: { input: t.arg({ type: SignInInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const email = input.email.trim().toLowerCase();
      throttle.check(email);
      const account = await context.prisma.account.findUnique({ where: { email }, include: { memberships: { orderBy: { createdAt: 'asc' } } } });
      const valid = await verifyPassword(input.password, account?.passwordHash ?? (await decoyPasswordHash));
      if (!account || !valid) {
        throttle.failed(email);
        throw new UnauthenticatedError('Wrong email or password');
      }
      throttle.succeeded(email);
      const wanted = input.workspaceId ? requireUuid(String(input.workspaceId), 'input.workspaceId') : null;
      const membership = wanted ? account.memberships.find((m) => m.workspaceId === wanted) : account.memberships[0];
      if (!membership) throw new UnauthenticatedError(wanted ? 'You are not a member of that workspace' : 'Your account belongs to no workspace');
      const session = await openSession(context.prisma, account.id, membership.workspaceId);
      await context.prisma.account.update({ where: { id: account.id }, data: { lastSignInAt: new Date() } });
      context.setCookie(sessionCookie(session.token, session.expiresAt, context.secureRequest));
      return { kind: 'SESSION' as const, role: membership.role, accountId: account.id, workspaceId: membership.workspaceId };
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.boolean({
    authScopes: { workspace: true },
    skipTypeScopes: true,
    description: 'Ends this session and clears its cookie.',
    resolve: async (_root, _args, context) => {
      if (context.session) await closeSession(context.prisma, context.session.sessionId);
      context.setCookie(sessionCookie(null, null, context.secureRequest));
      return true;
    },
  }),
);

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({ currentPassword: t.string({ required: true, validate: z.string().max(200) }), newPassword: t.string({ required: true, validate: Password }) }),
});

builder.mutationField('changePassword', (t) =>
  t.boolean({
    authScopes: { workspace: true },
    skipTypeScopes: true,
    description: "Changes the signed-in member's password; other sessions are signed out.",
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (!context.session) throw inputError('input', 'only a signed-in member has a password');
      const account = await context.prisma.account.findUniqueOrThrow({ where: { id: context.session.accountId } });
      if (!(await verifyPassword(input.currentPassword, account.passwordHash))) throw inputError('input.currentPassword', 'is not your current password');
      await context.prisma.$transaction([
        context.prisma.account.update({ where: { id: account.id }, data: { passwordHash: await hashPassword(input.newPassword) } }),
        context.prisma.session.deleteMany({ where: { accountId: account.id, id: { not: context.session.sessionId } } }),
      ]);
      return true;
    },
  }),
);

builder.queryField('members', (t) =>
  t.prismaField({
    type: ['Membership'],
    authScopes: { admin: true },
    description: 'Members of the workspace (admins only).',
    resolve: (query, _root, _args, context) => context.prisma.membership.findMany({ ...query, where: { workspaceId: workspaceOf(context) }, orderBy: { createdAt: 'asc' } }),
  }),
);

const AddMemberInput = builder.inputType('AddMemberInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: Email }),
    name: t.string({ required: true, validate: Name }),
    role: t.field({ type: MemberRole, required: true }),
    password: t.string({ required: true, validate: Password, description: 'Their first password (an existing account keeps its own).' }),
  }),
});

builder.mutationField('addMember', (t) =>
  t.prismaField({
    type: 'Membership',
    authScopes: { admin: true },
    description: 'Adds a member with a role (creating their account when the email is new). Admins only. CONFLICT (field `input.email`) when they already are a member.',
    args: { input: t.arg({ type: AddMemberInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const workspaceId = workspaceOf(context);
      // Adding someone twice would silently change their role (and could demote the last admin): that is updateMemberRole's job.
      const member = await context.prisma.membership.findFirst({ where: { workspaceId, account: { email: input.email } }, select: { role: true } });
      if (member) throw new ConflictError(`${input.email} is already a member (${member.role.toLowerCase()}); change their role instead`, 'input.email');
      const account = await addMember(context.prisma, { workspaceId, email: input.email, name: input.name, password: input.password, role: input.role });
      return context.prisma.membership.findUniqueOrThrow({ ...query, where: { accountId_workspaceId: { accountId: account.id, workspaceId } } });
    },
  }),
);

/** Refuses changes that would leave the workspace without an admin. */
async function keepAnAdmin(context: GraphQLContext, accountId: string, newRole: string | null) {
  const workspaceId = workspaceOf(context);
  const membership = await context.prisma.membership.findUnique({ where: { accountId_workspaceId: { accountId, workspaceId } } });
  if (!membership) throw new NotFoundError('Member', 'accountId');
  if (membership.role === 'ADMIN' && newRole !== 'ADMIN' && (await context.prisma.membership.count({ where: { workspaceId, role: 'ADMIN' } })) <= 1) {
    throw new ConflictError('The workspace needs at least one admin', 'accountId');
  }
}

builder.mutationField('updateMemberRole', (t) =>
  t.prismaField({
    type: 'Membership',
    authScopes: { admin: true },
    args: { accountId: t.arg.id({ required: true }), role: t.arg({ type: MemberRole, required: true }) },
    resolve: async (query, _root, args, context) => {
      const accountId = requireUuid(String(args.accountId), 'accountId');
      await keepAnAdmin(context, accountId, args.role);
      return context.prisma.membership.update({ ...query, where: { accountId_workspaceId: { accountId, workspaceId: workspaceOf(context) } }, data: { role: args.role } });
    },
  }),
);

builder.mutationField('removeMember', (t) =>
  t.field({
    type: 'ID',
    authScopes: { admin: true },
    description: 'Removes a member (their sessions in this workspace end).',
    args: { accountId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const accountId = requireUuid(String(args.accountId), 'accountId');
      await keepAnAdmin(context, accountId, null);
      const workspaceId = workspaceOf(context);
      await context.prisma.$transaction([
        context.prisma.membership.delete({ where: { accountId_workspaceId: { accountId, workspaceId } } }),
        context.prisma.session.deleteMany({ where: { accountId, workspaceId } }),
      ]);
      return accountId;
    },
  }),
);
