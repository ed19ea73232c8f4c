-- CreateIndex
CREATE INDEX "Event_workspaceId_name_userId_timestamp_idx" ON "Event"("workspaceId", "name", "userId", "timestamp");
