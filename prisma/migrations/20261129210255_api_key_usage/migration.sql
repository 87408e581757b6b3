-- CreateTable
CREATE TABLE "ApiKeyUsageDay" (
    "keyId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("keyId", "day"),
    CONSTRAINT "ApiKeyUsageDay_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKeyLastUse" (
    "keyId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ip" TEXT,
    "userAgent" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ApiKeyLastUse_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
