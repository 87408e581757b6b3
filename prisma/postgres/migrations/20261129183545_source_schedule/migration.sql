-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "failureNotifiedAt" TIMESTAMP(3),
ADD COLUMN     "nextFireAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Source_nextFireAt_idx" ON "Source"("nextFireAt");
