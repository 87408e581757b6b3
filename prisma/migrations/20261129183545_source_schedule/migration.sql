-- AlterTable
ALTER TABLE "Source" ADD COLUMN "failureNotifiedAt" DATETIME;
ALTER TABLE "Source" ADD COLUMN "nextFireAt" DATETIME;

-- CreateIndex
CREATE INDEX "Source_nextFireAt_idx" ON "Source"("nextFireAt");
