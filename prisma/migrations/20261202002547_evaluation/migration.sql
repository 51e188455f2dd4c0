-- CreateEnum
CREATE TYPE "OrgLinkKind" AS ENUM ('parent', 'subsidiary', 'shareholder', 'same_group');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('invited', 'accepted', 'declined', 'removed');

-- CreateEnum
CREATE TYPE "ScoreSheetStatus" AS ENUM ('draft', 'submitted');

-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "blindReview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "evaluationDueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "EvaluatorProfile" (
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "expertise" TEXT NOT NULL DEFAULT '',
    "sectors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "techTags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "maxConcurrent" INTEGER NOT NULL DEFAULT 3,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluatorProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "EvaluatorAffiliation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orgId" TEXT,
    "orgName" TEXT NOT NULL,
    "fromYear" INTEGER,
    "toYear" INTEGER,

    CONSTRAINT "EvaluatorAffiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationLink" (
    "id" TEXT NOT NULL,
    "fromOrgId" TEXT NOT NULL,
    "toOrgId" TEXT NOT NULL,
    "kind" "OrgLinkKind" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "weight" DOUBLE PRECISION NOT NULL,
    "maxScore" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationAssignment" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'invited',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "assignedById" TEXT NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "remindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "conflicted" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "detected" JSONB NOT NULL DEFAULT '[]',
    "overriddenById" TEXT,
    "overrideReason" TEXT,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "status" "ScoreSheetStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "comment" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "reopenedAt" TIMESTAMP(3),
    "reopenReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "justification" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvaluatorAffiliation_userId_idx" ON "EvaluatorAffiliation"("userId");

-- CreateIndex
CREATE INDEX "EvaluatorAffiliation_orgId_idx" ON "EvaluatorAffiliation"("orgId");

-- CreateIndex
CREATE INDEX "OrganisationLink_toOrgId_idx" ON "OrganisationLink"("toOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationLink_fromOrgId_toOrgId_kind_key" ON "OrganisationLink"("fromOrgId", "toOrgId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_scenarioId_position_key" ON "Criterion"("scenarioId", "position");

-- CreateIndex
CREATE INDEX "EvaluationAssignment_evaluatorId_status_idx" ON "EvaluationAssignment"("evaluatorId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationAssignment_scenarioId_evaluatorId_key" ON "EvaluationAssignment"("scenarioId", "evaluatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_assignmentId_proposalId_key" ON "ConflictDeclaration"("assignmentId", "proposalId");

-- CreateIndex
CREATE INDEX "ScoreSheet_proposalId_idx" ON "ScoreSheet"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_assignmentId_proposalId_key" ON "ScoreSheet"("assignmentId", "proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "Score_sheetId_criterionId_key" ON "Score"("sheetId", "criterionId");

-- AddForeignKey
ALTER TABLE "EvaluatorProfile" ADD CONSTRAINT "EvaluatorProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluatorAffiliation" ADD CONSTRAINT "EvaluatorAffiliation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluatorAffiliation" ADD CONSTRAINT "EvaluatorAffiliation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationLink" ADD CONSTRAINT "OrganisationLink_fromOrgId_fkey" FOREIGN KEY ("fromOrgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationLink" ADD CONSTRAINT "OrganisationLink_toOrgId_fkey" FOREIGN KEY ("toOrgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAssignment" ADD CONSTRAINT "EvaluationAssignment_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAssignment" ADD CONSTRAINT "EvaluationAssignment_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAssignment" ADD CONSTRAINT "EvaluationAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "EvaluationAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "EvaluationAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
