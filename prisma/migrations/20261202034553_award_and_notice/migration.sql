-- CreateEnum
CREATE TYPE "AwardDecisionStatus" AS ENUM ('proposed', 'in_notice', 'final', 'withdrawn');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('filed', 'answered', 'upheld', 'dismissed');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "objectionId" TEXT;

-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "noticeDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "objectionContact" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "passMark" DOUBLE PRECISION,
ADD COLUMN     "showEvaluatorNames" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "AwardDecision" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "status" "AwardDecisionStatus" NOT NULL DEFAULT 'proposed',
    "version" INTEGER NOT NULL DEFAULT 1,
    "winnerIds" TEXT[],
    "ranking" JSONB NOT NULL DEFAULT '[]',
    "criteria" JSONB NOT NULL DEFAULT '[]',
    "evaluatorNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT NOT NULL DEFAULT '',
    "noticeDays" INTEGER NOT NULL,
    "noticeStartsAt" TIMESTAMP(3),
    "noticeEndsAt" TIMESTAMP(3),
    "finalisedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "decidedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "filedById" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'filed',
    "version" INTEGER NOT NULL DEFAULT 1,
    "grounds" TEXT NOT NULL,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "outcomeReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AwardDecision_status_noticeEndsAt_idx" ON "AwardDecision"("status", "noticeEndsAt");

-- CreateIndex
CREATE UNIQUE INDEX "AwardDecision_scenarioId_round_key" ON "AwardDecision"("scenarioId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Objection_reference_key" ON "Objection"("reference");

-- CreateIndex
CREATE INDEX "Objection_scenarioId_status_idx" ON "Objection"("scenarioId", "status");

-- CreateIndex
CREATE INDEX "Objection_decisionId_idx" ON "Objection"("decisionId");

-- CreateIndex
CREATE INDEX "Objection_status_createdAt_idx" ON "Objection"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_objectionId_idx" ON "Attachment"("objectionId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_objectionId_fkey" FOREIGN KEY ("objectionId") REFERENCES "Objection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardDecision" ADD CONSTRAINT "AwardDecision_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardDecision" ADD CONSTRAINT "AwardDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "AwardDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
