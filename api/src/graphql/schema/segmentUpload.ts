import { maxUploadRows, startSegmentUpload } from '@tideflow/workflows';
import { z } from 'zod';
import { builder } from '../builder';
import { workspaceOf } from '../context';
import { ConflictError, inputError, NotFoundError } from '../errors';
import { requireUuid } from './ids';

builder.scalarType('File', {
  description: 'A file sent with a multipart request (graphql-multipart-request-spec).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});

const UploadIdType = builder.enumType('SegmentUploadIdType', {
  values: {
    AUTO: { value: 'auto', description: 'Each row says what it is: an email, a phone number, else a userId.' },
    USER_ID: { value: 'userId', description: "The integrator's userId (former userIds merged by alias match too)." },
    EMAIL: { value: 'email', description: 'Email addresses, case-insensitively.' },
    PHONE: { value: 'phone', description: 'Phone numbers, by their digits.' },
  } as const,
});

const SegmentUploadStatus = builder.enumType('SegmentUploadStatus', { values: ['PROCESSING', 'DONE', 'FAILED'] as const });

const UnmatchedRowRef = builder.objectRef<{ row: number; value: string; reason: string }>('SegmentUploadUnmatchedRow').implement({
  fields: (t) => ({ row: t.exposeInt('row', { description: 'The data row (1 = the first after the header).' }), value: t.exposeString('value'), reason: t.exposeString('reason') }),
});

builder.prismaObject('SegmentUpload', {
  description: 'A CSV added to a static segment: progress while it is matched, then the report.',
  fields: (t) => ({
    id: t.exposeID('id'),
    segment: t.relation('segment'),
    fileName: t.exposeString('fileName'),
    idType: t.exposeString('idType'),
    replace: t.exposeBoolean('replace'),
    status: t.expose('status', { type: SegmentUploadStatus }),
    totalRows: t.exposeInt('totalRows', { description: 'Known once the file is read to its end.' }),
    processedRows: t.exposeInt('processedRows'),
    matchedRows: t.exposeInt('matchedRows'),
    unmatchedRows: t.exposeInt('unmatchedRows'),
    unmatched: t.field({
      type: [UnmatchedRowRef],
      description: 'Rows that matched no user (the first 10,000 are kept), with why; `first` limits how many come back.',
      args: { first: t.arg.int({ validate: z.number().int().min(1, 'must be at least 1').max(10_000, 'must be at most 10000') }) },
      resolve: (upload, args) => {
        const rows = upload.unmatched as unknown as Array<{ row: number; value: string; reason: string }>;
        return args.first ? rows.slice(0, args.first) : rows;
      },
    }),
    error: t.exposeString('error', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

const UploadSegmentCsvInput = builder.inputType('UploadSegmentCsvInput', {
  fields: (t) => ({
    segmentId: t.id({ required: true, description: 'A static segment.' }),
    file: t.field({ type: 'File', required: true, description: `A CSV (or one value per line) of up to ${maxUploadRows.toLocaleString('en')} rows; a header naming userId, email or phone picks the column.` }),
    idType: t.field({ type: UploadIdType, defaultValue: 'auto' }),
    replace: t.boolean({ defaultValue: false, description: 'Replace the members (otherwise the rows are added).' }),
  }),
});

builder.mutationField('uploadSegmentCsv', (t) =>
  t.prismaField({
    type: 'SegmentUpload',
    description: 'Adds the users of a CSV to a static segment (or replaces its members). Answers once the file is received; poll `segmentUpload(id)` for progress and the report of unmatched rows.',
    args: { input: t.arg({ type: UploadSegmentCsvInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const workspaceId = workspaceOf(context);
      const segmentId = requireUuid(String(input.segmentId), 'input.segmentId');
      const segment = await context.prisma.segment.findFirst({ where: { id: segmentId, workspaceId } });
      if (!segment) throw new NotFoundError('Segment', 'input.segmentId');
      if (segment.kind !== 'STATIC') throw new ConflictError(`Segment "${segment.name}" is live: its definition decides who is in it; upload to a static segment`, 'input.segmentId');
      const file = input.file as unknown as File;
      if (!file || typeof (file as { stream?: unknown }).stream !== 'function') throw inputError('input.file', 'must be a file sent as a multipart upload');
      const fileName = z.string().max(255).safeParse(file.name).success ? file.name || 'upload.csv' : 'upload.csv';
      const upload = await startSegmentUpload(context.prisma, context.sql, context.dataDir, { workspaceId, segmentId, fileName, idType: input.idType ?? 'auto', replace: input.replace ?? false, content: file.stream() }, context.logError);
      return context.prisma.segmentUpload.findUniqueOrThrow({ ...query, where: { id: upload.id } });
    },
  }),
);

builder.queryField('segmentUpload', (t) =>
  t.prismaField({
    type: 'SegmentUpload',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => context.prisma.segmentUpload.findFirst({ ...query, where: { id: requireUuid(String(args.id), 'id'), workspaceId: workspaceOf(context) } }),
  }),
);

builder.prismaObjectField('Segment', 'uploads', (t) => t.relation('uploads', { description: 'CSV uploads, newest first.', query: { orderBy: { createdAt: 'desc' }, take: 20 } }));
