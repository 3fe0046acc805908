-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "duplicateOfId" TEXT;

-- CreateIndex
CREATE INDEX "Request_subjectEmail_type_status_idx" ON "Request"("subjectEmail", "type", "status");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;
