-- CreateTable
CREATE TABLE "ConnectionCheck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "jobName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "checkExitStatus" INTEGER,
    "discoveryExitStatus" INTEGER,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "ConnectionCheck_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Stream" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "tapStreamId" TEXT NOT NULL,
    "streamName" TEXT NOT NULL,
    "schema" TEXT NOT NULL,
    "metadata" TEXT NOT NULL,
    "selected" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Stream_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectionCheck_jobName_key" ON "ConnectionCheck"("jobName");

-- CreateIndex
CREATE INDEX "ConnectionCheck_sourceId_id_idx" ON "ConnectionCheck"("sourceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Stream_sourceId_tapStreamId_key" ON "Stream"("sourceId", "tapStreamId");

