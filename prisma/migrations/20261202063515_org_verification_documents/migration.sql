-- CreateEnum
CREATE TYPE "VerificationDocumentKind" AS ENUM ('business_licence', 'institution_certificate', 'authorisation_letter', 'other');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "verificationDocumentId" TEXT;

-- CreateTable
CREATE TABLE "VerificationDocument" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "VerificationDocumentKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VerificationDocument_orgId_createdAt_idx" ON "VerificationDocument"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_verificationDocumentId_key" ON "Attachment"("verificationDocumentId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_verificationDocumentId_fkey" FOREIGN KEY ("verificationDocumentId") REFERENCES "VerificationDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationDocument" ADD CONSTRAINT "VerificationDocument_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

