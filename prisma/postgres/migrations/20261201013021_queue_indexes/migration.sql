-- DropIndex
DROP INDEX "Request_status_dueAt_idx";

-- CreateIndex
CREATE INDEX "Request_status_dueAt_id_idx" ON "Request"("status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Request_status_receivedAt_id_idx" ON "Request"("status", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Request_receivedAt_idx" ON "Request"("receivedAt");

-- CreateIndex
CREATE INDEX "Request_closedAt_dueAt_idx" ON "Request"("closedAt", "dueAt");
