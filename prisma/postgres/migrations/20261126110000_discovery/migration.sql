-- CreateTable
CREATE TABLE "ConnectionCheck" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "jobName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "checkExitStatus" INTEGER,
    "discoveryExitStatus" INTEGER,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ConnectionCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stream" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "tapStreamId" TEXT NOT NULL,
    "streamName" TEXT NOT NULL,
    "schema" TEXT NOT NULL,
    "metadata" TEXT NOT NULL,
    "selected" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Stream_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectionCheck_jobName_key" ON "ConnectionCheck"("jobName");

-- CreateIndex
CREATE INDEX "ConnectionCheck_sourceId_id_idx" ON "ConnectionCheck"("sourceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Stream_sourceId_tapStreamId_key" ON "Stream"("sourceId", "tapStreamId");

-- AddForeignKey
ALTER TABLE "ConnectionCheck" ADD CONSTRAINT "ConnectionCheck_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stream" ADD CONSTRAINT "Stream_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

