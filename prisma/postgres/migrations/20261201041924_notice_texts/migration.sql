-- AlterTable
ALTER TABLE "OutboundMail" ADD COLUMN     "noticeTextId" TEXT;

-- CreateTable
CREATE TABLE "NoticeTextVersion" (
    "id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "requestType" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "version" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "note" TEXT,
    "restored" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NoticeTextVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticeTextVersion_action_requestType_language_version_key" ON "NoticeTextVersion"("action", "requestType", "language", "version");

-- AddForeignKey
ALTER TABLE "OutboundMail" ADD CONSTRAINT "OutboundMail_noticeTextId_fkey" FOREIGN KEY ("noticeTextId") REFERENCES "NoticeTextVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeTextVersion" ADD CONSTRAINT "NoticeTextVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
