-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "subjectEmail" TEXT NOT NULL,
    "subjectName" TEXT,
    "subjectUserId" TEXT,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME,
    "statementVersion" TEXT NOT NULL,
    "assigneeId" TEXT,
    "firstDueAt" DATETIME,
    "dueAt" DATETIME,
    "dueDate" TEXT,
    "extendedAt" DATETIME,
    "closedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "auditHeadSeq" INTEGER NOT NULL DEFAULT 0,
    "auditHeadHash" TEXT,
    "minimisedAt" DATETIME,
    "duplicateOfId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Request_subjectUserId_fkey" FOREIGN KEY ("subjectUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Request_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Request_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Request" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Request" ("assigneeId", "auditHeadHash", "auditHeadSeq", "closedAt", "createdAt", "details", "dueAt", "dueDate", "extendedAt", "firstDueAt", "id", "language", "minimisedAt", "receivedAt", "reference", "statementVersion", "status", "subjectEmail", "subjectName", "subjectUserId", "submittedAt", "type", "updatedAt", "version") SELECT "assigneeId", "auditHeadHash", "auditHeadSeq", "closedAt", "createdAt", "details", "dueAt", "dueDate", "extendedAt", "firstDueAt", "id", "language", "minimisedAt", "receivedAt", "reference", "statementVersion", "status", "subjectEmail", "subjectName", "subjectUserId", "submittedAt", "type", "updatedAt", "version" FROM "Request";
DROP TABLE "Request";
ALTER TABLE "new_Request" RENAME TO "Request";
CREATE UNIQUE INDEX "Request_reference_key" ON "Request"("reference");
CREATE INDEX "Request_status_dueAt_idx" ON "Request"("status", "dueAt");
CREATE INDEX "Request_assigneeId_status_idx" ON "Request"("assigneeId", "status");
CREATE INDEX "Request_type_status_idx" ON "Request"("type", "status");
CREATE INDEX "Request_subjectEmail_idx" ON "Request"("subjectEmail");
CREATE INDEX "Request_subjectUserId_idx" ON "Request"("subjectUserId");
CREATE INDEX "Request_submittedAt_idx" ON "Request"("submittedAt");
CREATE INDEX "Request_closedAt_minimisedAt_idx" ON "Request"("closedAt", "minimisedAt");
CREATE INDEX "Request_subjectEmail_type_status_idx" ON "Request"("subjectEmail", "type", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
