-- CreateTable
CREATE TABLE "NoticeTextVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "action" TEXT NOT NULL,
    "requestType" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "note" TEXT,
    "restored" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "NoticeTextVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboundMail" (
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
    "linkTokenHash" TEXT,
    "linkExpiresAt" DATETIME,
    "noticeTextId" TEXT,
    CONSTRAINT "OutboundMail_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboundMail_noticeTextId_fkey" FOREIGN KEY ("noticeTextId") REFERENCES "NoticeTextVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboundMail" ("attempts", "claimToken", "claimedUntil", "createdAt", "html", "id", "language", "lastError", "linkExpiresAt", "linkTokenHash", "nextAttemptAt", "requestId", "sentAt", "status", "subject", "template", "text", "toAddress", "transport", "variables") SELECT "attempts", "claimToken", "claimedUntil", "createdAt", "html", "id", "language", "lastError", "linkExpiresAt", "linkTokenHash", "nextAttemptAt", "requestId", "sentAt", "status", "subject", "template", "text", "toAddress", "transport", "variables" FROM "OutboundMail";
DROP TABLE "OutboundMail";
ALTER TABLE "new_OutboundMail" RENAME TO "OutboundMail";
CREATE INDEX "OutboundMail_status_nextAttemptAt_idx" ON "OutboundMail"("status", "nextAttemptAt");
CREATE INDEX "OutboundMail_requestId_idx" ON "OutboundMail"("requestId");
CREATE INDEX "OutboundMail_linkTokenHash_idx" ON "OutboundMail"("linkTokenHash");
CREATE INDEX "OutboundMail_linkExpiresAt_idx" ON "OutboundMail"("linkExpiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "NoticeTextVersion_action_requestType_language_version_key" ON "NoticeTextVersion"("action", "requestType", "language", "version");
