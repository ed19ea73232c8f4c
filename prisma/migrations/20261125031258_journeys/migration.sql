-- CreateEnum
CREATE TYPE "JourneyStatus" AS ENUM ('DRAFT', 'LIVE', 'PAUSED', 'STOPPED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "JourneyRunStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'EXITED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "JourneyTriggerKind" AS ENUM ('EVENT', 'API', 'SCHEDULE', 'SEGMENT');

-- CreateEnum
CREATE TYPE "JourneyStepKind" AS ENUM ('ENTERED', 'WAITING', 'BRANCH', 'CONVERTED', 'ENDED');

-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "MessagePurpose" AS ENUM ('MESSAGE', 'WEBHOOK_CALL');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('SENDING', 'SENT', 'FAILED', 'UNCONFIRMED');

-- CreateTable
CREATE TABLE "Journey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "JourneyStatus" NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "draftRevision" INTEGER NOT NULL DEFAULT 1,
    "latestVersion" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "stoppedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Journey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "journeyId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "listenedEvents" TEXT[],
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyTrigger" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "journeyId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "nodeId" TEXT NOT NULL,
    "kind" "JourneyTriggerKind" NOT NULL,
    "eventName" TEXT,

    CONSTRAINT "JourneyTrigger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyEventInterest" (
    "workspaceId" UUID NOT NULL,
    "eventName" TEXT NOT NULL,

    CONSTRAINT "JourneyEventInterest_pkey" PRIMARY KEY ("workspaceId","eventName")
);

-- CreateTable
CREATE TABLE "JourneyInbox" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "claimedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyInbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "journeyId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "userId" UUID NOT NULL,
    "entryNumber" INTEGER NOT NULL,
    "workflowId" TEXT NOT NULL,
    "triggerNodeId" TEXT NOT NULL,
    "entryKey" TEXT NOT NULL,
    "triggerEvent" JSONB NOT NULL DEFAULT '{}',
    "status" "JourneyRunStatus" NOT NULL DEFAULT 'ACTIVE',
    "currentNodeId" TEXT,
    "waitingSince" TIMESTAMPTZ(3),
    "listeningTo" TEXT[],
    "enteredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "workflowStartedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,
    "convertedAt" TIMESTAMPTZ(3),

    CONSTRAINT "JourneyRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyRunStep" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "runId" UUID NOT NULL,
    "journeyId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "nodeId" TEXT,
    "kind" "JourneyStepKind" NOT NULL,
    "branch" TEXT,
    "reason" TEXT,
    "messageId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JourneyRunStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "userId" UUID,
    "journeyId" UUID,
    "runId" UUID,
    "nodeId" TEXT,
    "channel" "MessageChannel" NOT NULL,
    "purpose" "MessagePurpose" NOT NULL DEFAULT 'MESSAGE',
    "idempotencyKey" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL DEFAULT 'SENDING',
    "provider" TEXT NOT NULL,
    "recipient" TEXT,
    "subject" TEXT,
    "body" TEXT,
    "providerMessageId" TEXT,
    "responseStatus" INTEGER,
    "response" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionReceipt" (
    "workspaceId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionReceipt_pkey" PRIMARY KEY ("workspaceId","idempotencyKey")
);

-- CreateTable
CREATE TABLE "ChannelSettings" (
    "workspaceId" UUID NOT NULL,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecure" BOOLEAN NOT NULL DEFAULT false,
    "smtpUser" TEXT,
    "smtpPasswordSealed" TEXT,
    "fromEmail" TEXT,
    "fromName" TEXT,
    "webhookHeadersSealed" TEXT,
    "webhookTimeoutSeconds" INTEGER NOT NULL DEFAULT 10,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelSettings_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "Journey_workspaceId_status_idx" ON "Journey"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Journey_workspaceId_name_key" ON "Journey"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyVersion_journeyId_version_key" ON "JourneyVersion"("journeyId", "version");

-- CreateIndex
CREATE INDEX "JourneyTrigger_workspaceId_eventName_idx" ON "JourneyTrigger"("workspaceId", "eventName");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyTrigger_journeyId_nodeId_key" ON "JourneyTrigger"("journeyId", "nodeId");

-- CreateIndex
CREATE INDEX "JourneyInbox_claimedAt_id_idx" ON "JourneyInbox"("claimedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyInbox_eventId_key" ON "JourneyInbox"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyRun_workflowId_key" ON "JourneyRun"("workflowId");

-- CreateIndex
CREATE INDEX "JourneyRun_workspaceId_userId_status_idx" ON "JourneyRun"("workspaceId", "userId", "status");

-- CreateIndex
CREATE INDEX "JourneyRun_journeyId_status_currentNodeId_idx" ON "JourneyRun"("journeyId", "status", "currentNodeId");

-- CreateIndex
CREATE INDEX "JourneyRun_status_workflowStartedAt_idx" ON "JourneyRun"("status", "workflowStartedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyRun_journeyId_userId_entryNumber_key" ON "JourneyRun"("journeyId", "userId", "entryNumber");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyRun_journeyId_entryKey_key" ON "JourneyRun"("journeyId", "entryKey");

-- CreateIndex
CREATE INDEX "JourneyRunStep_journeyId_nodeId_kind_idx" ON "JourneyRunStep"("journeyId", "nodeId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyRunStep_runId_seq_key" ON "JourneyRunStep"("runId", "seq");

-- CreateIndex
CREATE INDEX "Message_workspaceId_userId_createdAt_idx" ON "Message"("workspaceId", "userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Message_workspaceId_provider_createdAt_idx" ON "Message"("workspaceId", "provider", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Message_journeyId_nodeId_idx" ON "Message"("journeyId", "nodeId");

-- CreateIndex
CREATE UNIQUE INDEX "Message_workspaceId_idempotencyKey_key" ON "Message"("workspaceId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyVersion" ADD CONSTRAINT "JourneyVersion_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyTrigger" ADD CONSTRAINT "JourneyTrigger_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRun" ADD CONSTRAINT "JourneyRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRun" ADD CONSTRAINT "JourneyRun_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRun" ADD CONSTRAINT "JourneyRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRunStep" ADD CONSTRAINT "JourneyRunStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JourneyRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelSettings" ADD CONSTRAINT "ChannelSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
