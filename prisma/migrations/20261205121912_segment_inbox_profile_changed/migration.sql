-- AlterTable
ALTER TABLE "SegmentInbox" ADD COLUMN     "profileChanged" BOOLEAN NOT NULL DEFAULT false;
