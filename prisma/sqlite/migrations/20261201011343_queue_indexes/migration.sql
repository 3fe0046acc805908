-- CreateIndex
CREATE INDEX "Request_dueAt_id_idx" ON "Request"("dueAt", "id");

-- CreateIndex
CREATE INDEX "Request_receivedAt_id_idx" ON "Request"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "Request_closedAt_dueAt_idx" ON "Request"("closedAt", "dueAt");
