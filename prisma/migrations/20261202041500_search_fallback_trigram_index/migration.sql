-- Degraded search (Meilisearch down) at 100,000 listings: a trigram index the database can use for
-- Chinese and English words (ADR 008). pg_trgm skips Chinese characters in a C-locale database and
-- needs three characters per word, so the index covers the hexadecimal UTF-8 of the searched text:
-- every character becomes ASCII (防汛 is e998b2e6b19b) and a two-character word gives ten trigrams.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- lower() first, so English words match whatever their case (the same as ILIKE on ASCII).
CREATE OR REPLACE FUNCTION jiebang_search_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT encode(convert_to(lower(t), 'UTF8'), 'hex') $$;

CREATE INDEX "Scenario_search_key_trgm_idx" ON "Scenario" USING gin (
  jiebang_search_key(title || ' ' || coalesce("titleEn", '') || ' ' || summary || ' ' || coalesce("summaryEn", '')) gin_trgm_ops
);
