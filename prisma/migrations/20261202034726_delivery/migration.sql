/*
  Warnings:

  - A unique constraint covering the columns `[orgId,deliveredCaseId]` on the table `PastCase` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('planned', 'submitted', 'accepted', 'returned', 'overdue');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "gateReportId" TEXT,
ADD COLUMN     "milestoneId" TEXT;

-- AlterTable
ALTER TABLE "PastCase" ADD COLUMN     "deliveredCaseId" TEXT;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "eliminatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "deliveryStartedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "deliverable" TEXT NOT NULL DEFAULT '',
    "acceptanceEvidence" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'planned',
    "version" INTEGER NOT NULL DEFAULT 1,
    "evidenceText" TEXT NOT NULL DEFAULT '',
    "submissions" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "acceptNote" TEXT,
    "remindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageGate" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "metrics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "continuing" INTEGER NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageGate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateReport" (
    "id" TEXT NOT NULL,
    "gateId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "values" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" TEXT NOT NULL,

    CONSTRAINT "GateReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateOutcome" (
    "gateId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "continues" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "GateOutcome_pkey" PRIMARY KEY ("gateId","proposalId")
);

-- CreateTable
CREATE TABLE "DeliveredCase" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "solution" TEXT NOT NULL,
    "results" JSONB NOT NULL DEFAULT '[]',
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveredCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Milestone_scenarioId_idx" ON "Milestone"("scenarioId");

-- CreateIndex
CREATE INDEX "Milestone_status_dueAt_idx" ON "Milestone"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_proposalId_position_key" ON "Milestone"("proposalId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "StageGate_scenarioId_position_key" ON "StageGate"("scenarioId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "GateReport_gateId_proposalId_key" ON "GateReport"("gateId", "proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveredCase_scenarioId_key" ON "DeliveredCase"("scenarioId");

-- CreateIndex
CREATE INDEX "Attachment_milestoneId_idx" ON "Attachment"("milestoneId");

-- CreateIndex
CREATE INDEX "Attachment_gateReportId_idx" ON "Attachment"("gateReportId");

-- CreateIndex
CREATE UNIQUE INDEX "PastCase_orgId_deliveredCaseId_key" ON "PastCase"("orgId", "deliveredCaseId");

-- AddForeignKey
ALTER TABLE "PastCase" ADD CONSTRAINT "PastCase_deliveredCaseId_fkey" FOREIGN KEY ("deliveredCaseId") REFERENCES "DeliveredCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_gateReportId_fkey" FOREIGN KEY ("gateReportId") REFERENCES "GateReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageGate" ADD CONSTRAINT "StageGate_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageGate" ADD CONSTRAINT "StageGate_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReport" ADD CONSTRAINT "GateReport_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "StageGate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReport" ADD CONSTRAINT "GateReport_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReport" ADD CONSTRAINT "GateReport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReport" ADD CONSTRAINT "GateReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateOutcome" ADD CONSTRAINT "GateOutcome_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "StageGate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateOutcome" ADD CONSTRAINT "GateOutcome_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveredCase" ADD CONSTRAINT "DeliveredCase_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;
