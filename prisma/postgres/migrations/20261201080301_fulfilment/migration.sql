/*
  Warnings:

  - A unique constraint covering the columns `[uploadStorageKey]` on the table `FulfilmentTask` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[requestId,connectorId,step]` on the table `FulfilmentTask` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "ConnectorKind" AS ENUM ('demo_platform', 'opencompliance', 'manual');

-- CreateEnum
CREATE TYPE "FulfilmentStep" AS ENUM ('export', 'erase', 'restrict', 'lift_restriction', 'rectify', 'stop_processing');

-- CreateEnum
CREATE TYPE "ExportKind" AS ENUM ('access', 'confirmation', 'portability');

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('review', 'queued', 'generating', 'ready', 'failed', 'revoked', 'expired');

-- CreateEnum
CREATE TYPE "RecipientNoticeStatus" AS ENUM ('pending', 'sent', 'confirmed', 'failed');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskStatus" ADD VALUE 'running';
ALTER TYPE "TaskStatus" ADD VALUE 'failed';
ALTER TYPE "TaskStatus" ADD VALUE 'dead_lettered';
ALTER TYPE "TaskStatus" ADD VALUE 'cancelled';

-- AlterTable
ALTER TABLE "FulfilmentTask" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "connectorId" TEXT,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "externalStatus" TEXT,
ADD COLUMN     "input" JSONB,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lastPolledAt" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "progressDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "progressTotal" INTEGER,
ADD COLUMN     "required" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "result" JSONB,
ADD COLUMN     "resultsCount" INTEGER,
ADD COLUMN     "resultsUrl" TEXT,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "step" "FulfilmentStep",
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "uploadFileName" TEXT,
ADD COLUMN     "uploadSha256" TEXT,
ADD COLUMN     "uploadSize" INTEGER,
ADD COLUMN     "uploadStorageKey" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Connector" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "ConnectorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "registerEntries" JSONB NOT NULL,
    "ownerUserId" TEXT,
    "ownerEmail" TEXT,
    "ownerName" TEXT,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportPackage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "ExportKind" NOT NULL,
    "format" TEXT,
    "status" "ExportStatus" NOT NULL,
    "recordsDone" INTEGER NOT NULL DEFAULT 0,
    "recordsTotal" INTEGER,
    "fileName" TEXT,
    "storageKey" TEXT,
    "encrypted" BOOLEAN NOT NULL DEFAULT false,
    "sha256" TEXT,
    "size" BIGINT,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "readyAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "maxDownloads" INTEGER NOT NULL,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMP(3),
    "filesDeletedAt" TIMESTAMP(3),
    "transmitUrl" TEXT,
    "transmittedAt" TIMESTAMP(3),
    "transmission" JSONB,
    "error" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExportPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportDownload" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "ipHash" TEXT,

    CONSTRAINT "ExportDownload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportRedaction" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "text" TEXT,
    "textSha256" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportRedaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientNotice" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "categories" JSONB NOT NULL,
    "status" "RecipientNoticeStatus" NOT NULL DEFAULT 'pending',
    "mailId" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecipientNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoAccount" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemoAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoUser" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "timeZone" TEXT NOT NULL,
    "restrictedAt" TIMESTAMP(3),
    "supplementaryStatement" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoDevice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "pushToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemoDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoUsageEvent" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "ipAddress" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoUsageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoAlertEvent" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "ipAddress" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoAlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoNotificationLog" (
    "id" SERIAL NOT NULL,
    "userId" TEXT,
    "subjectKey" TEXT,
    "channel" TEXT NOT NULL,
    "phoneNumber" TEXT,
    "status" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoNotificationLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoSupportTicket" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemoSupportTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoSupportMessage" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "authorName" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoSupportMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoConsent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "givenAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "DemoConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoMarketingPreference" (
    "userId" TEXT NOT NULL,
    "newsletter" BOOLEAN NOT NULL,
    "productNews" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoMarketingPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "DemoProcessingObjection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "processing" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoProcessingObjection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoInvoice" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "billingName" TEXT NOT NULL,
    "billingEmail" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoInvoice_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "FulfilmentTask_uploadStorageKey_key" ON "FulfilmentTask"("uploadStorageKey");

-- CreateIndex
CREATE INDEX "FulfilmentTask_status_nextAttemptAt_idx" ON "FulfilmentTask"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "FulfilmentTask_externalId_idx" ON "FulfilmentTask"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "FulfilmentTask_requestId_connectorId_step_key" ON "FulfilmentTask"("requestId", "connectorId", "step");

-- AddForeignKey
ALTER TABLE "FulfilmentTask" ADD CONSTRAINT "FulfilmentTask_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connector" ADD CONSTRAINT "Connector_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportPackage" ADD CONSTRAINT "ExportPackage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportPackage" ADD CONSTRAINT "ExportPackage_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportDownload" ADD CONSTRAINT "ExportDownload_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ExportPackage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportRedaction" ADD CONSTRAINT "ExportRedaction_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ExportPackage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportRedaction" ADD CONSTRAINT "ExportRedaction_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientNotice" ADD CONSTRAINT "RecipientNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientNotice" ADD CONSTRAINT "RecipientNotice_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoUser" ADD CONSTRAINT "DemoUser_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "DemoAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoDevice" ADD CONSTRAINT "DemoDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoUsageEvent" ADD CONSTRAINT "DemoUsageEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoAlertEvent" ADD CONSTRAINT "DemoAlertEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoNotificationLog" ADD CONSTRAINT "DemoNotificationLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoSupportTicket" ADD CONSTRAINT "DemoSupportTicket_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoSupportMessage" ADD CONSTRAINT "DemoSupportMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "DemoSupportTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoConsent" ADD CONSTRAINT "DemoConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoMarketingPreference" ADD CONSTRAINT "DemoMarketingPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoProcessingObjection" ADD CONSTRAINT "DemoProcessingObjection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DemoUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoInvoice" ADD CONSTRAINT "DemoInvoice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "DemoAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
