-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'auditor';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);
