-- CreateTable
CREATE TABLE "ApiKeyUsageDay" (
    "keyId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiKeyUsageDay_pkey" PRIMARY KEY ("keyId","day")
);

-- CreateTable
CREATE TABLE "ApiKeyLastUse" (
    "keyId" INTEGER NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiKeyLastUse_pkey" PRIMARY KEY ("keyId")
);

-- AddForeignKey
ALTER TABLE "ApiKeyUsageDay" ADD CONSTRAINT "ApiKeyUsageDay_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeyLastUse" ADD CONSTRAINT "ApiKeyLastUse_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
