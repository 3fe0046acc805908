-- AlterTable
ALTER TABLE "OutboundMail" ADD COLUMN "linkExpiresAt" DATETIME;
ALTER TABLE "OutboundMail" ADD COLUMN "linkTokenHash" TEXT;

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "secondFactorAt" DATETIME,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expires_idx" ON "Session"("expires");

-- CreateIndex
CREATE INDEX "OutboundMail_linkTokenHash_idx" ON "OutboundMail"("linkTokenHash");

-- CreateIndex
CREATE INDEX "OutboundMail_linkExpiresAt_idx" ON "OutboundMail"("linkExpiresAt");

-- CreateIndex
CREATE INDEX "VerificationToken_token_idx" ON "VerificationToken"("token");
