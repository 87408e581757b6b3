-- AlterTable
ALTER TABLE "Stream" ADD COLUMN     "bookmark" TEXT,
ADD COLUMN     "bookmarkKey" TEXT,
ADD COLUMN     "bookmarkMethod" TEXT,
ADD COLUMN     "lastBatchLoadedAt" TIMESTAMP(3),
ADD COLUMN     "lastLoadAt" TIMESTAMP(3),
ADD COLUMN     "lastLoadRows" INTEGER,
ADD COLUMN     "loadError" TEXT;

-- CreateTable
CREATE TABLE "ReplicationJob" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "jobName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "runningSourceId" INTEGER,
    "trigger" TEXT NOT NULL DEFAULT 'api',
    "actorLabel" TEXT NOT NULL,
    "stopRequestedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "discoveryExitStatus" INTEGER,
    "discoveryDescription" TEXT,
    "tapExitStatus" INTEGER,
    "tapDescription" TEXT,
    "targetExitStatus" INTEGER,
    "targetDescription" TEXT,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "progress" TEXT NOT NULL DEFAULT '{}',
    "log" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ReplicationJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationJob_jobName_key" ON "ReplicationJob"("jobName");

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationJob_runningSourceId_key" ON "ReplicationJob"("runningSourceId");

-- CreateIndex
CREATE INDEX "ReplicationJob_workspaceId_sourceId_completedAt_idx" ON "ReplicationJob"("workspaceId", "sourceId", "completedAt");

-- CreateIndex
CREATE INDEX "ReplicationJob_status_heartbeatAt_idx" ON "ReplicationJob"("status", "heartbeatAt");

-- AddForeignKey
ALTER TABLE "ReplicationJob" ADD CONSTRAINT "ReplicationJob_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationJob" ADD CONSTRAINT "ReplicationJob_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
