-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "access" TEXT NOT NULL DEFAULT 'full',
ADD COLUMN     "allowedCidrs" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "expiryNoticeAt" TIMESTAMP(3);
