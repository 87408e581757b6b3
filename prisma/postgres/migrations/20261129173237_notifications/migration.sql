-- CreateTable
CREATE TABLE "NotificationEmail" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "emailAddress" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "NotificationEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationHook" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "destinationId" INTEGER NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'post_load',
    "version" INTEGER NOT NULL DEFAULT 1,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "NotificationHook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HookDelivery" (
    "id" SERIAL NOT NULL,
    "hookId" INTEGER NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationEmail_workspaceId_emailAddress_key" ON "NotificationEmail"("workspaceId", "emailAddress");

-- CreateIndex
CREATE INDEX "NotificationHook_workspaceId_destinationId_idx" ON "NotificationHook"("workspaceId", "destinationId");

-- CreateIndex
CREATE INDEX "HookDelivery_hookId_id_idx" ON "HookDelivery"("hookId", "id");

-- AddForeignKey
ALTER TABLE "NotificationEmail" ADD CONSTRAINT "NotificationEmail_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationHook" ADD CONSTRAINT "NotificationHook_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HookDelivery" ADD CONSTRAINT "HookDelivery_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "NotificationHook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
