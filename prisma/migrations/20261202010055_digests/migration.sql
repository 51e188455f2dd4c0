-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('daily', 'weekly', 'off');

-- CreateEnum
CREATE TYPE "UnsubscribeScope" AS ENUM ('all', 'search', 'recommendations');

-- CreateEnum
CREATE TYPE "UnsubscribeVia" AS ENUM ('one_click', 'link', 'account');

-- AlterEnum
ALTER TYPE "MailStatus" ADD VALUE 'dead';

-- AlterTable
ALTER TABLE "Mail" ADD COLUMN     "batchKey" TEXT,
ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "lastErrorStatus" INTEGER,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "frequency" "DigestFrequency" NOT NULL DEFAULT 'daily',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationSubscription" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "frequency" "DigestFrequency" NOT NULL DEFAULT 'weekly',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecommendationSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "frequency" "DigestFrequency" NOT NULL,
    "period" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "items" INTEGER NOT NULL DEFAULT 0,
    "mailId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestUnsubscribe" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scope" "UnsubscribeScope" NOT NULL,
    "savedSearchId" TEXT,
    "recommendationSubscriptionId" TEXT,
    "via" "UnsubscribeVia" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "DigestUnsubscribe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "name" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "SavedSearch_userId_idx" ON "SavedSearch"("userId");

-- CreateIndex
CREATE INDEX "SavedSearch_frequency_userId_idx" ON "SavedSearch"("frequency", "userId");

-- CreateIndex
CREATE INDEX "RecommendationSubscription_frequency_userId_idx" ON "RecommendationSubscription"("frequency", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationSubscription_userId_orgId_key" ON "RecommendationSubscription"("userId", "orgId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_mailId_key" ON "DigestRun"("mailId");

-- CreateIndex
CREATE INDEX "DigestRun_userId_frequency_windowEnd_idx" ON "DigestRun"("userId", "frequency", "windowEnd");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_userId_period_key" ON "DigestRun"("userId", "period");

-- CreateIndex
CREATE INDEX "DigestUnsubscribe_userId_undoneAt_idx" ON "DigestUnsubscribe"("userId", "undoneAt");

-- CreateIndex
CREATE INDEX "DigestUnsubscribe_savedSearchId_idx" ON "DigestUnsubscribe"("savedSearchId");

-- CreateIndex
CREATE INDEX "DigestUnsubscribe_recommendationSubscriptionId_idx" ON "DigestUnsubscribe"("recommendationSubscriptionId");

-- CreateIndex
CREATE INDEX "Mail_batchKey_idx" ON "Mail"("batchKey");

-- CreateIndex
CREATE INDEX "Mail_status_failedAt_idx" ON "Mail"("status", "failedAt");

-- CreateIndex
CREATE INDEX "ScenarioVersion_createdAt_idx" ON "ScenarioVersion"("createdAt");

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationSubscription" ADD CONSTRAINT "RecommendationSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationSubscription" ADD CONSTRAINT "RecommendationSubscription_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestUnsubscribe" ADD CONSTRAINT "DigestUnsubscribe_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestUnsubscribe" ADD CONSTRAINT "DigestUnsubscribe_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestUnsubscribe" ADD CONSTRAINT "DigestUnsubscribe_recommendationSubscriptionId_fkey" FOREIGN KEY ("recommendationSubscriptionId") REFERENCES "RecommendationSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
