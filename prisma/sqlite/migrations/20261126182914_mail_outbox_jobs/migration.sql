-- AlterTable
ALTER TABLE "Request" ADD COLUMN "minimisedAt" DATETIME;

-- CreateTable
CREATE TABLE "AuditText" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "requestId" TEXT,
    "sha256" TEXT NOT NULL,
    "text" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OutboundMail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "template" TEXT NOT NULL,
    "variables" JSONB NOT NULL,
    "language" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "requestId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimToken" TEXT,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "transport" TEXT,
    "subject" TEXT,
    "text" TEXT,
    "html" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboundMail_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "lastRunAt" DATETIME,
    "lastOutcome" TEXT
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderSent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AuditText_chain_seq_idx" ON "AuditText"("chain", "seq");

-- CreateIndex
CREATE INDEX "AuditText_requestId_idx" ON "AuditText"("requestId");

-- CreateIndex
CREATE INDEX "OutboundMail_status_nextAttemptAt_idx" ON "OutboundMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundMail_requestId_idx" ON "OutboundMail"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_requestId_kind_day_key" ON "ReminderSent"("requestId", "kind", "day");

-- CreateIndex
CREATE INDEX "Request_closedAt_minimisedAt_idx" ON "Request"("closedAt", "minimisedAt");
