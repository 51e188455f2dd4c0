-- CreateIndex
CREATE INDEX "Scenario_status_id_idx" ON "Scenario"("status", "id");
