-- CreateTable
CREATE TABLE "Connector" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "registerEntries" JSONB NOT NULL,
    "ownerUserId" TEXT,
    "ownerEmail" TEXT,
    "ownerName" TEXT,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Connector_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExportPackage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT,
    "status" TEXT NOT NULL,
    "recordsDone" INTEGER NOT NULL DEFAULT 0,
    "recordsTotal" INTEGER,
    "fileName" TEXT,
    "storageKey" TEXT,
    "encrypted" BOOLEAN NOT NULL DEFAULT false,
    "sha256" TEXT,
    "size" BIGINT,
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "readyAt" DATETIME,
    "expiresAt" DATETIME,
    "maxDownloads" INTEGER NOT NULL,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" DATETIME,
    "filesDeletedAt" DATETIME,
    "transmitUrl" TEXT,
    "transmittedAt" DATETIME,
    "transmission" JSONB,
    "error" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExportPackage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExportPackage_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExportDownload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packageId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "ipHash" TEXT,
    CONSTRAINT "ExportDownload_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ExportPackage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExportRedaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packageId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "text" TEXT,
    "textSha256" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExportRedaction_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ExportPackage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExportRedaction_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecipientNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "categories" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "mailId" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" DATETIME,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RecipientNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecipientNotice_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DemoUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "timeZone" TEXT NOT NULL,
    "restrictedAt" DATETIME,
    "supplementaryStatement" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DemoUser_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "DemoAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoDevice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "pushToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DemoDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoUsageEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "ipAddress" TEXT,
    "occurredAt" DATETIME NOT NULL,
    CONSTRAINT "DemoUsageEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoAlertEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "ipAddress" TEXT,
    "occurredAt" DATETIME NOT NULL,
    CONSTRAINT "DemoAlertEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoNotificationLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT,
    "subjectKey" TEXT,
    "channel" TEXT NOT NULL,
    "phoneNumber" TEXT,
    "status" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    CONSTRAINT "DemoNotificationLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoSupportTicket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DemoSupportTicket_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoSupportMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "authorName" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "DemoSupportMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "DemoSupportTicket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "givenAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    CONSTRAINT "DemoConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoMarketingPreference" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "newsletter" BOOLEAN NOT NULL,
    "productNews" BOOLEAN NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DemoMarketingPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoProcessingObjection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "processing" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    CONSTRAINT "DemoProcessingObjection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoInvoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "billingName" TEXT NOT NULL,
    "billingEmail" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    CONSTRAINT "DemoInvoice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "DemoAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FulfilmentTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "system" TEXT,
    "connectorId" TEXT,
    "step" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "required" BOOLEAN NOT NULL DEFAULT true,
    "assigneeId" TEXT,
    "note" TEXT,
    "result" JSONB,
    "input" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastError" TEXT,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER,
    "externalId" TEXT,
    "externalStatus" TEXT,
    "resultsUrl" TEXT,
    "resultsCount" INTEGER,
    "lastPolledAt" DATETIME,
    "uploadStorageKey" TEXT,
    "uploadFileName" TEXT,
    "uploadSha256" TEXT,
    "uploadSize" INTEGER,
    "startedAt" DATETIME,
    "completedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FulfilmentTask_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FulfilmentTask_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FulfilmentTask_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_FulfilmentTask" ("assigneeId", "completedAt", "createdAt", "id", "note", "requestId", "status", "system", "title") SELECT "assigneeId", "completedAt", "createdAt", "id", "note", "requestId", "status", "system", "title" FROM "FulfilmentTask";
DROP TABLE "FulfilmentTask";
ALTER TABLE "new_FulfilmentTask" RENAME TO "FulfilmentTask";
CREATE UNIQUE INDEX "FulfilmentTask_uploadStorageKey_key" ON "FulfilmentTask"("uploadStorageKey");
CREATE INDEX "FulfilmentTask_requestId_status_idx" ON "FulfilmentTask"("requestId", "status");
CREATE INDEX "FulfilmentTask_status_nextAttemptAt_idx" ON "FulfilmentTask"("status", "nextAttemptAt");
CREATE INDEX "FulfilmentTask_externalId_idx" ON "FulfilmentTask"("externalId");
CREATE UNIQUE INDEX "FulfilmentTask_requestId_connectorId_step_key" ON "FulfilmentTask"("requestId", "connectorId", "step");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Connector_key_key" ON "Connector"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ExportPackage_storageKey_key" ON "ExportPackage"("storageKey");

-- CreateIndex
CREATE INDEX "ExportPackage_requestId_createdAt_idx" ON "ExportPackage"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "ExportPackage_status_expiresAt_idx" ON "ExportPackage"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "ExportDownload_packageId_at_idx" ON "ExportDownload"("packageId", "at");

-- CreateIndex
CREATE INDEX "ExportRedaction_packageId_idx" ON "ExportRedaction"("packageId");

-- CreateIndex
CREATE UNIQUE INDEX "RecipientNotice_requestId_recipientId_key" ON "RecipientNotice"("requestId", "recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "DemoAccount_customerId_key" ON "DemoAccount"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "DemoUser_email_key" ON "DemoUser"("email");

-- CreateIndex
CREATE INDEX "DemoDevice_userId_idx" ON "DemoDevice"("userId");

-- CreateIndex
CREATE INDEX "DemoUsageEvent_userId_id_idx" ON "DemoUsageEvent"("userId", "id");

-- CreateIndex
CREATE INDEX "DemoAlertEvent_userId_id_idx" ON "DemoAlertEvent"("userId", "id");

-- CreateIndex
CREATE INDEX "DemoNotificationLog_userId_id_idx" ON "DemoNotificationLog"("userId", "id");

-- CreateIndex
CREATE INDEX "DemoSupportTicket_userId_idx" ON "DemoSupportTicket"("userId");

-- CreateIndex
CREATE INDEX "DemoSupportMessage_ticketId_createdAt_idx" ON "DemoSupportMessage"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DemoConsent_userId_purpose_key" ON "DemoConsent"("userId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "DemoProcessingObjection_userId_processing_key" ON "DemoProcessingObjection"("userId", "processing");

-- CreateIndex
CREATE UNIQUE INDEX "DemoInvoice_number_key" ON "DemoInvoice"("number");

-- CreateIndex
CREATE INDEX "DemoInvoice_billingEmail_idx" ON "DemoInvoice"("billingEmail");
