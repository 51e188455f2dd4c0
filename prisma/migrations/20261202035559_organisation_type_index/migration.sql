-- CreateIndex
CREATE INDEX "Organisation_type_idx" ON "Organisation"("type");
