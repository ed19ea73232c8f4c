import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PrismaClient, SegmentUpload, SqlDriver } from '@tideflow/db';
import { classifyIdentifier, identifierColumn, normalizePhone, parseCsvLine, type UploadIdType } from '@tideflow/domain';
import { recordSize } from './computeSegment';
import { applyMembershipChanges, type SegmentRef } from './segmentMembership';

export const maxUploadRows = 1_000_000;
const batchRows = 5_000;
const keptUnmatched = 10_000;

export interface UnmatchedRow {
  row: number;
  value: string;
  reason: string;
}

export interface UploadRequest {
  workspaceId: string;
  segmentId: string;
  fileName: string;
  /** `auto`: each row's value says what it is (email, phone, else userId). */
  idType: UploadIdType | 'auto';
  replace: boolean;
  content: ReadableStream<Uint8Array>;
}

const uploadPath = (dataDir: string, uploadId: string) => path.join(dataDir, 'uploads', `${uploadId}.csv`);

/**
 * Receives a CSV for a static segment: stores it (streamed to the data
 * directory), answers with the upload's id, and matches it in the background,
 * recording progress and the rows that matched no user. An upload interrupted
 * by a restart resumes from where it was (`resumeSegmentUploads`).
 */
export async function startSegmentUpload(prisma: PrismaClient, sql: SqlDriver, dataDir: string, request: UploadRequest, onError: (error: unknown) => void): Promise<SegmentUpload> {
  const upload = await prisma.segmentUpload.create({ data: { workspaceId: request.workspaceId, segmentId: request.segmentId, fileName: request.fileName, idType: request.idType, replace: request.replace } });
  const file = uploadPath(dataDir, upload.id);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    await pipeline(readerStream(request.content), createWriteStream(file));
  } catch (error) {
    await prisma.segmentUpload.update({ where: { id: upload.id }, data: { status: 'FAILED', error: `the file could not be received: ${(error as Error).message}`, finishedAt: new Date() } });
    throw error;
  }
  void processSegmentUpload(prisma, sql, upload.id, file).catch(onError);
  return upload;
}

/** Uploads left PROCESSING by a stopped process continue from their last recorded row. */
export async function resumeSegmentUploads(prisma: PrismaClient, sql: SqlDriver, dataDir: string, onError: (error: unknown) => void): Promise<number> {
  const pending = await prisma.segmentUpload.findMany({ where: { status: 'PROCESSING' } });
  for (const upload of pending) {
    const file = uploadPath(dataDir, upload.id);
    if (existsSync(file)) void processSegmentUpload(prisma, sql, upload.id, file).catch(onError);
    else await prisma.segmentUpload.update({ where: { id: upload.id }, data: { status: 'FAILED', error: 'the uploaded file is gone (the upload was interrupted); upload it again', finishedAt: new Date() } });
  }
  return pending.length;
}

/** Any WHATWG stream (the server's own ponyfill included) as a Node stream, read chunk by chunk. */
function readerStream(content: ReadableStream<Uint8Array>): Readable {
  const reader = content.getReader();
  return new Readable({
    async read() {
      try {
        const { done, value } = await reader.read();
        this.push(done ? null : Buffer.from(value));
      } catch (error) {
        this.destroy(error as Error);
      }
    },
  });
}

export async function processSegmentUpload(prisma: PrismaClient, sql: SqlDriver, uploadId: string, file: string): Promise<SegmentUpload> {
  const upload = await prisma.segmentUpload.findUniqueOrThrow({ where: { id: uploadId }, include: { segment: true } });
  const resumeAfter = upload.processedRows;
  const unmatched: UnmatchedRow[] = Array.isArray(upload.unmatched) ? (upload.unmatched as unknown as UnmatchedRow[]) : [];
  let { matchedRows, unmatchedRows } = upload;
  const segment: SegmentRef = { id: upload.segmentId, name: upload.segment.name, workspaceId: upload.workspaceId };
  // Replace: members the file names stay (no Exited / Entered pair for them); the others leave at the end.
  // A resumed replace resolves the rows it had already done again, to know who stays.
  const kept = upload.replace ? new Set<string>() : null;
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    let column: { index: number; type: UploadIdType | 'auto' } | null = null;
    let row = 0;
    let batch: Array<{ row: number; value: string; type: UploadIdType }> = [];
    let done: Array<{ row: number; value: string; type: UploadIdType }> = [];
    const flush = async () => {
      const result = await addMembers(prisma, sql, segment, batch);
      result.userIds.forEach((id) => kept?.add(id));
      matchedRows += result.matched;
      unmatchedRows += result.unmatched.length;
      unmatched.push(...result.unmatched.slice(0, Math.max(0, keptUnmatched - unmatched.length)));
      await prisma.segmentUpload.update({ where: { id: uploadId }, data: { processedRows: row, matchedRows, unmatchedRows, unmatched: unmatched as object[] } });
      batch = [];
    };
    const flushDone = async () => {
      if (kept && done.length) (await resolveUsers(prisma, upload.workspaceId, done)).userIds.forEach((id) => kept.add(id));
      done = [];
    };
    for await (const line of lines) {
      const fields = parseCsvLine(line.replace(/^\uFEFF/, ''));
      if (column === null) {
        // A header picks the column; the kind of identifier is the upload's (auto: each row's own).
        const header = identifierColumn(fields);
        column = { index: header?.index ?? 0, type: upload.idType as UploadIdType | 'auto' };
        if (header) continue;
      }
      if (!line.trim()) continue;
      row++;
      if (row > maxUploadRows) throw new Error(`the file has more than ${maxUploadRows.toLocaleString('en')} rows`);
      const value = (fields[column.index] ?? '').trim();
      const type = column.type === 'auto' ? classifyIdentifier(value) : value ? column.type : null;
      if (row <= resumeAfter) {
        if (kept && type) done.push({ row, value, type });
        if (done.length >= batchRows) await flushDone();
        continue;
      }
      if (!type) {
        unmatchedRows++;
        if (unmatched.length < keptUnmatched) unmatched.push({ row, value, reason: value ? 'not a userId, email or phone number' : 'empty' });
        continue;
      }
      batch.push({ row, value, type });
      if (batch.length >= batchRows) await flush();
    }
    await flushDone();
    await flush();
    if (kept) await removeMembersNotIn(prisma, sql, segment, kept);
    const size = await prisma.segmentMember.count({ where: { segmentId: upload.segmentId } });
    await recordSize(prisma, upload.segmentId, size, new Date(), { status: 'READY', computedAt: new Date() });
    await unlink(file).catch(() => undefined);
    unmatched.sort((a, b) => a.row - b.row);
    return prisma.segmentUpload.update({ where: { id: uploadId }, data: { status: 'DONE', totalRows: row, processedRows: row, matchedRows, unmatchedRows, unmatched: unmatched as object[], finishedAt: new Date() } });
  } catch (error) {
    await unlink(file).catch(() => undefined);
    return prisma.segmentUpload.update({ where: { id: uploadId }, data: { status: 'FAILED', error: (error as Error).message.slice(0, 2000), matchedRows, unmatchedRows, unmatched: unmatched as object[], finishedAt: new Date() } });
  }
}

/** The end of a replace: members the new file did not name leave, with `Segment Exited` events. */
async function removeMembersNotIn(prisma: PrismaClient, sql: SqlDriver, segment: SegmentRef, kept: ReadonlySet<string>): Promise<void> {
  const members = await prisma.segmentMember.findMany({ where: { segmentId: segment.id }, select: { userId: true } });
  const leaving = members.map((m) => m.userId).filter((id) => !kept.has(id));
  if (leaving.length) await applyMembershipChanges(sql, segment, { enter: [], exit: leaving });
}

/** Adds a batch's users as members (with `Segment Entered` events, queued for journeys); those already in are skipped. */
async function addMembers(prisma: PrismaClient, sql: SqlDriver, segment: SegmentRef, batch: ReadonlyArray<{ row: number; value: string; type: UploadIdType }>): Promise<{ matched: number; unmatched: UnmatchedRow[]; userIds: string[] }> {
  const resolved = await resolveUsers(prisma, segment.workspaceId, batch);
  if (resolved.userIds.length) await applyMembershipChanges(sql, segment, { enter: resolved.userIds, exit: [] });
  return resolved;
}

/** Resolves a batch to users (userIds and former userIds, emails case-insensitively, phones by digits) and adds them. */
async function resolveUsers(prisma: PrismaClient, workspaceId: string, batch: ReadonlyArray<{ row: number; value: string; type: UploadIdType }>): Promise<{ matched: number; unmatched: UnmatchedRow[]; userIds: string[] }> {
  if (!batch.length) return { matched: 0, unmatched: [], userIds: [] };
  const values = (type: UploadIdType, normalize: (v: string) => string) => JSON.stringify([...new Set(batch.filter((r) => r.type === type).map((r) => normalize(r.value)))]);
  const rows = await prisma.$queryRawUnsafe<Array<{ id: string; key: string; type: UploadIdType }>>(
    `SELECT u.id, u."externalId" AS key, 'userId' AS type FROM "User" u WHERE u."workspaceId" = $1::uuid AND u."externalId" IN (SELECT jsonb_array_elements_text($2::jsonb))
     UNION ALL
     SELECT i."userId", i.value, 'userId' FROM "UserIdentity" i WHERE i."workspaceId" = $1::uuid AND i.kind = 'ALIAS' AND i.value IN (SELECT jsonb_array_elements_text($2::jsonb))
     UNION ALL
     SELECT u.id, lower(u.email), 'email' FROM "User" u WHERE u."workspaceId" = $1::uuid AND u.email IS NOT NULL AND lower(u.email) IN (SELECT jsonb_array_elements_text($3::jsonb))
     UNION ALL
     SELECT u.id, regexp_replace(u.phone, '[^0-9]', '', 'g'), 'phone' FROM "User" u WHERE u."workspaceId" = $1::uuid AND u.phone IS NOT NULL AND regexp_replace(u.phone, '[^0-9]', '', 'g') IN (SELECT jsonb_array_elements_text($4::jsonb))`,
    workspaceId,
    values('userId', (v) => v),
    values('email', (v) => v.toLowerCase()),
    values('phone', (v) => normalizePhone(v).replace('+', '')),
  );
  const found = new Map<string, string[]>();
  for (const r of rows) found.set(`${r.type}\u0000${r.key}`, [...(found.get(`${r.type}\u0000${r.key}`) ?? []), r.id]);
  const keyOf = (r: { value: string; type: UploadIdType }) => `${r.type}\u0000${r.type === 'email' ? r.value.toLowerCase() : r.type === 'phone' ? normalizePhone(r.value).replace('+', '') : r.value}`;
  const userIds = new Set<string>();
  const unmatched: UnmatchedRow[] = [];
  for (const r of batch) {
    const ids = found.get(keyOf(r));
    if (ids?.length) ids.forEach((id) => userIds.add(id));
    else unmatched.push({ row: r.row, value: r.value, reason: `no user with this ${r.type === 'userId' ? 'userId' : r.type}` });
  }
  return { matched: batch.length - unmatched.length, unmatched, userIds: [...userIds] };
}
