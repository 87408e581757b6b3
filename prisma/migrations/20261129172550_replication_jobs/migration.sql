-- AlterTable
ALTER TABLE "Stream" ADD COLUMN "bookmark" TEXT;
ALTER TABLE "Stream" ADD COLUMN "bookmarkKey" TEXT;
ALTER TABLE "Stream" ADD COLUMN "bookmarkMethod" TEXT;
ALTER TABLE "Stream" ADD COLUMN "lastBatchLoadedAt" DATETIME;
ALTER TABLE "Stream" ADD COLUMN "lastLoadAt" DATETIME;
ALTER TABLE "Stream" ADD COLUMN "lastLoadRows" INTEGER;
ALTER TABLE "Stream" ADD COLUMN "loadError" TEXT;

-- CreateTable
CREATE TABLE "ReplicationJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "jobName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "runningSourceId" INTEGER,
    "trigger" TEXT NOT NULL DEFAULT 'api',
    "actorLabel" TEXT NOT NULL,
    "stopRequestedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "discoveryExitStatus" INTEGER,
    "discoveryDescription" TEXT,
    "tapExitStatus" INTEGER,
    "tapDescription" TEXT,
    "targetExitStatus" INTEGER,
    "targetDescription" TEXT,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "progress" TEXT NOT NULL DEFAULT '{}',
    "log" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ReplicationJob_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReplicationJob_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationJob_jobName_key" ON "ReplicationJob"("jobName");

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationJob_runningSourceId_key" ON "ReplicationJob"("runningSourceId");

-- CreateIndex
CREATE INDEX "ReplicationJob_workspaceId_sourceId_completedAt_idx" ON "ReplicationJob"("workspaceId", "sourceId", "completedAt");

-- CreateIndex
CREATE INDEX "ReplicationJob_status_heartbeatAt_idx" ON "ReplicationJob"("status", "heartbeatAt");
