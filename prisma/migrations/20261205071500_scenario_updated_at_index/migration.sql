-- CreateIndex
CREATE INDEX "Scenario_updatedAt_idx" ON "Scenario"("updatedAt");
