-- CreateEnum
CREATE TYPE "SegmentKind" AS ENUM ('LIVE', 'STATIC');

-- CreateEnum
CREATE TYPE "SegmentStatus" AS ENUM ('COMPUTING', 'READY', 'FAILED');

-- CreateEnum
CREATE TYPE "SegmentUploadStatus" AS ENUM ('PROCESSING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "JourneyTrigger" ADD COLUMN     "segmentId" TEXT;

-- CreateTable
CREATE TABLE "Segment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "SegmentKind" NOT NULL,
    "definition" JSONB,
    "isTest" BOOLEAN NOT NULL DEFAULT false,
    "dependsOnEvents" TEXT[],
    "dependsOnProfile" BOOLEAN NOT NULL DEFAULT false,
    "timeSensitive" BOOLEAN NOT NULL DEFAULT false,
    "references" TEXT[],
    "status" "SegmentStatus" NOT NULL DEFAULT 'COMPUTING',
    "size" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SegmentEventInterest" (
    "workspaceId" UUID NOT NULL,
    "eventName" TEXT NOT NULL,

    CONSTRAINT "SegmentEventInterest_pkey" PRIMARY KEY ("workspaceId","eventName")
);

-- CreateTable
CREATE TABLE "SegmentInbox" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "claimedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SegmentInbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SegmentMember" (
    "segmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "enteredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SegmentMember_pkey" PRIMARY KEY ("segmentId","userId")
);

-- CreateTable
CREATE TABLE "SegmentMembershipPeriod" (
    "id" BIGSERIAL NOT NULL,
    "segmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "enteredAt" TIMESTAMPTZ(3) NOT NULL,
    "exitedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SegmentMembershipPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SegmentSize" (
    "segmentId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "SegmentSize_pkey" PRIMARY KEY ("segmentId","day")
);

-- CreateTable
CREATE TABLE "SegmentUpload" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "segmentId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "idType" TEXT NOT NULL,
    "replace" BOOLEAN NOT NULL DEFAULT false,
    "status" "SegmentUploadStatus" NOT NULL DEFAULT 'PROCESSING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "matchedRows" INTEGER NOT NULL DEFAULT 0,
    "unmatchedRows" INTEGER NOT NULL DEFAULT 0,
    "unmatched" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SegmentUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Segment_workspaceId_kind_idx" ON "Segment"("workspaceId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_workspaceId_name_key" ON "Segment"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "SegmentInbox_claimedAt_id_idx" ON "SegmentInbox"("claimedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SegmentInbox_eventId_key" ON "SegmentInbox"("eventId");

-- CreateIndex
CREATE INDEX "SegmentMember_userId_idx" ON "SegmentMember"("userId");

-- CreateIndex
CREATE INDEX "SegmentMembershipPeriod_segmentId_userId_enteredAt_idx" ON "SegmentMembershipPeriod"("segmentId", "userId", "enteredAt");

-- CreateIndex
CREATE INDEX "SegmentMembershipPeriod_workspaceId_userId_enteredAt_idx" ON "SegmentMembershipPeriod"("workspaceId", "userId", "enteredAt");

-- CreateIndex
CREATE INDEX "SegmentUpload_segmentId_createdAt_idx" ON "SegmentUpload"("segmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentMember" ADD CONSTRAINT "SegmentMember_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentMember" ADD CONSTRAINT "SegmentMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentMembershipPeriod" ADD CONSTRAINT "SegmentMembershipPeriod_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentSize" ADD CONSTRAINT "SegmentSize_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentUpload" ADD CONSTRAINT "SegmentUpload_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Safe casts for the segment compiler (domain/src/segments/sql): data that is not a number or
-- a date becomes NULL instead of failing the query. Dates without an offset are UTC, as in domain.
CREATE OR REPLACE FUNCTION tideflow_numeric(value text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value ~ '^\s*[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' THEN value::numeric END
$$;

-- SQL, not plpgsql: the migration runner splits scripts on semicolons. Nested CASEs fix the order
-- of evaluation, so nothing is cast before the pattern and the day of the month are known good.
CREATE OR REPLACE FUNCTION tideflow_timestamptz(value text) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value ~ '^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?)?(Z|z|[+-](0\d|1[0-4])(:?[0-5]\d)?)?$' THEN
    CASE WHEN substr(value, 9, 2)::int <= extract(day FROM make_date(substr(value, 1, 4)::int, substr(value, 6, 2)::int, 1) + interval '1 month - 1 day') THEN
      CASE WHEN value ~ '(Z|z|[+-]\d{2}(:?\d{2})?)$' THEN value::timestamptz ELSE value::timestamp AT TIME ZONE 'UTC' END
    END
  END
$$;
