-- DropIndex
DROP INDEX "Request_status_dueAt_id_idx";

-- CreateIndex
CREATE INDEX "Request_status_dueAt_id_duplicateOfId_idx" ON "Request"("status", "dueAt", "id", "duplicateOfId");
