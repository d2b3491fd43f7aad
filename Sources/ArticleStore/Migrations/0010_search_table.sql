-- v10: the search vector moves to a table of its own, the band index takes its entries directly again and
-- a candidate lookup no longer reads every lower id, the batch staging table is emptied at commit, and the
-- learned-lines count is no longer indexed.
--
-- pg_stat_statements over 5,000- and 20,000-file drains on v9 (README, "Where PostgreSQL's time goes"):
-- the search pass's UPDATE of articles.search wrote a new version of the whole article row, and a new
-- version of a row goes into every index of the table: the band index's 64 entries again (its pending list,
-- merged once more by the clusterer's flush), the full-text index, and five b-trees. No such update could be
-- HOT, as `search` itself is indexed. In a table of its own the vector costs one row and its own index.
--
-- Articles wait for the search pass in articled.search_queue, filled by a statement-level trigger on every
-- insert into articles (so record_batch, record_article and hand-made inserts alike), and the pass takes the
-- queue in id order with SKIP LOCKED, as it took `search IS NULL` before.

CREATE TABLE articled.article_search (
    article_id    bigint PRIMARY KEY REFERENCES articled.articles (id) ON DELETE CASCADE,
    search        tsvector NOT NULL,
    searchable_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX article_search_search_idx ON articled.article_search USING gin (search);

COMMENT ON TABLE articled.article_search IS 'Full-text search vector of each article (title weight A, dek B, body), filled by the background search pass; articled.search() queries it.';
COMMENT ON COLUMN articled.article_search.article_id IS 'The article.';
COMMENT ON COLUMN articled.article_search.search IS 'Its search vector, in the text-search configuration of its language.';
COMMENT ON COLUMN articled.article_search.searchable_at IS 'When the vector was filled.';

-- No foreign key: a queued id whose article is gone is dropped by the next pass, and a key would cost
-- every insert a lookup into articles.
CREATE TABLE articled.search_queue (
    article_id bigint PRIMARY KEY,
    queued_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE articled.search_queue IS 'Articles written but not yet in articled.article_search; until then articled.search() does not find them.';
COMMENT ON COLUMN articled.search_queue.article_id IS 'The article waiting for its search vector.';
COMMENT ON COLUMN articled.search_queue.queued_at IS 'When it was written (transaction start).';

DO $migration$
BEGIN
    ALTER TABLE articled.article_search ALTER COLUMN search SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'articled: this server has no lz4; search vectors stay pglz-compressed';
END $migration$;

-- What the old column held moves over as it is.
INSERT INTO articled.article_search (article_id, search, searchable_at)
SELECT id, search, coalesce(searchable_at, now()) FROM articled.articles WHERE search IS NOT NULL;
INSERT INTO articled.search_queue (article_id)
SELECT id FROM articled.articles WHERE search IS NULL;

-- One statement per INSERT, not one call per row: the transition table holds the statement's new rows.
CREATE FUNCTION articled.queue_for_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articled.search_queue (article_id) SELECT n.id FROM new_articles n ORDER BY n.id;
    RETURN NULL;
END $$;

CREATE TRIGGER articles_queue_for_search AFTER INSERT ON articled.articles
    REFERENCING NEW TABLE AS new_articles
    FOR EACH STATEMENT EXECUTE FUNCTION articled.queue_for_search();

COMMENT ON FUNCTION articled.queue_for_search() IS 'Queues every newly inserted article for the search pass (trigger articles_queue_for_search).';

-- Fills the search vector of up to p_limit queued articles, lowest id first; returns how many queue entries
-- it took (an entry whose article was deleted is dropped; `done` runs all the same, as every data-modifying
-- WITH does). SKIP LOCKED lets several daemons share the work.
CREATE OR REPLACE FUNCTION articled.index_search(p_limit integer) RETURNS integer LANGUAGE sql AS $$
    WITH pending AS (
        DELETE FROM articled.search_queue q
         WHERE q.article_id IN (SELECT s.article_id FROM articled.search_queue s
                                 ORDER BY s.article_id LIMIT p_limit FOR UPDATE SKIP LOCKED)
        RETURNING q.article_id
    ), done AS (
        INSERT INTO articled.article_search (article_id, search, searchable_at)
        SELECT a.id,
               setweight(to_tsvector(articled.search_config(a.language), a.title), 'A')
               || setweight(to_tsvector(articled.search_config(a.language), coalesce(a.dek, '')), 'B')
               || to_tsvector(articled.search_config(a.language), a.body),
               clock_timestamp()
          FROM pending p JOIN articled.articles a ON a.id = p.article_id
         ORDER BY a.id
        ON CONFLICT (article_id) DO UPDATE SET search = excluded.search, searchable_at = excluded.searchable_at
        RETURNING 1
    )
    SELECT count(*)::integer FROM pending
$$;

-- articled.search of v6, reading the vectors from their table.
CREATE OR REPLACE FUNCTION articled.search(p_query text, p_language text DEFAULT NULL, p_limit integer DEFAULT 100)
RETURNS TABLE (rank real, article_id bigint, story_id bigint, title text, publisher text, language text,
               published_at timestamptz, "time" timestamptz, url text, word_count integer, snippet text)
LANGUAGE sql STABLE AS $$
    WITH q AS (SELECT articled.search_query(p_query, p_language) AS tsq),
    hits AS (
        SELECT ts_rank(s.search, own.tsq) AS rank, own.tsq, a.id, a.canonical_id, a.title, a.publisher, a.language,
               a.published_at, coalesce(a.published_at, a.first_seen_at) AS time, a.url, a.word_count, a.body
          FROM articled.article_search s
          JOIN articled.articles a ON a.id = s.article_id
         CROSS JOIN q
         CROSS JOIN LATERAL (SELECT websearch_to_tsquery(articled.search_config(a.language), p_query) AS tsq) own
         WHERE s.search @@ q.tsq
           AND s.search @@ own.tsq
           AND (p_language IS NULL OR a.language = p_language)
         ORDER BY 1 DESC, a.id
         LIMIT p_limit
    )
    -- The snippet only for the rows returned: ts_headline reparses the whole body.
    SELECT h.rank, h.id, h.canonical_id, h.title, h.publisher, h.language, h.published_at, h.time, h.url,
           h.word_count,
           ts_headline(articled.search_config(h.language), h.body, h.tsq,
                       'MaxWords=30, MinWords=12, StartSel=«, StopSel=»')
      FROM hits h
     ORDER BY h.rank DESC, h.id
$$;

-- The band index without its pending list again (v9 turned it on). A GIN scan reads the whole pending
-- list, and comparing each pending row's 64 entries with the lookup's 64 keys is quadratic: measured on
-- this schema's shape (20,000 articles, 64 random band hashes each), one lookup took 0.36 ms with the list
-- empty, 2.1 ms with 100 articles pending and 6.9 ms with 400. The clusterer flushes before its pass, but
-- writers fill the list again while it runs, and over a 20,000-file drain its lookups averaged 213 buffer
-- visits and most of the clusterer's time, which then fell behind intake (settle lag p50 44 s). Entering
-- 64 keys directly costs about what the flush cost (2,000 rows: 0.31 ms a row, against 0.04 ms plus a
-- 0.23 ms share of the flush), and with the search vector gone from the row, the index takes a row once.
-- The clusterer's flush stays, and finds nothing to do unless fastupdate is turned on again.
ALTER INDEX articled.articles_minhash_bands_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('articled.articles_minhash_bands_idx'::regclass);

-- earlier_near_duplicate_candidates of v8, with the id bound kept away from the primary key. Given
-- `a.id < p_before`, the planner ANDed the band index's bitmap with a bitmap of every lower id from the
-- primary key (the generic plan of the function), or walked the primary key and tested the bands of every
-- lower row (a custom plan): either way one lookup grew with the table (5,899 ids read for one lookup at
-- 6,000 articles; 1.3 ms against 0.35 ms with the bound as a filter, 200 ms for the custom plan). As
-- `a.id + 0` the bound is a filter on the band index's few candidates.
CREATE OR REPLACE FUNCTION articled.earlier_near_duplicate_candidates(p_bands bigint[], p_before bigint, p_limit integer)
RETURNS TABLE (id bigint, canonical_id bigint, shingles integer[], shared_bands integer)
LANGUAGE plpgsql STABLE SET enable_seqscan = off SET jit = off AS $$
BEGIN
    RETURN QUERY
    SELECT a.id, a.canonical_id, a.shingles, b.n
      FROM articled.articles a
     CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM unnest(a.minhash_bands) x WHERE x = ANY (p_bands)) b
     WHERE a.minhash_bands && p_bands AND a.id + 0 < p_before
     ORDER BY b.n DESC, a.id
     LIMIT p_limit;
END $$;

DROP INDEX articled.articles_search_idx;
DROP INDEX articled.articles_search_pending_idx;
ALTER TABLE articled.articles DROP COLUMN search, DROP COLUMN searchable_at;

-- A duplicate's sighting updates seen_count and last_seen_at, which no index holds: with room left on the
-- page that new row version is HOT and skips every index, the band index among them. New pages only.
ALTER TABLE articled.articles SET (fillfactor = 90);

-- The clusterer counts each line of a story's first article: nearly all of these upserts change
-- `articles`, and with it indexed none of them could be HOT. The index served only the daemon's periodic
-- read of the lines over the threshold, which a scan of the table does as well.
DROP INDEX articled.learned_lines_articles_idx;
ALTER TABLE articled.learned_lines SET (fillfactor = 80);

-- The staging table of v8/v9, now emptied when the transaction ends (ON COMMIT DELETE ROWS truncates it in
-- place): emptied with DELETE, its dead row versions stayed, as autovacuum never visits a temporary table,
-- and every statement of record_batch read more of them as a session went on. A staging table made
-- before this migration in a still-open session is emptied with DELETE as before.
CREATE OR REPLACE FUNCTION articled.batch_staging() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF to_regclass('pg_temp.articled_batch') IS NULL THEN
        CREATE TEMPORARY TABLE articled_batch (
            item                integer NOT NULL,
            file_name           text NOT NULL,
            path                text NOT NULL,
            file_sha256         text NOT NULL,
            size_bytes          bigint NOT NULL,
            line_no             integer NOT NULL,
            error               text,   -- set: a rejection, the article columns are NULL
            format              text,
            content_hash        text,
            simhash             bigint,
            title               text,
            kicker              text,
            dek                 text,
            authors             text[],
            publisher           text,
            url                 text,
            dateline            text,
            published_at        timestamptz,
            published_at_source text,
            language            text,
            body                text,
            word_count          integer,
            removed             text[],
            caption_texts       text[],
            caption_credits     text[],
            quote_texts         text[],
            quote_speakers      text[],
            shingles            integer[],
            bands               bigint[],
            line_fingerprints   bigint[],
            line_samples        text[],
            -- Filled by record_batch.
            outcome             text,
            article             bigint,
            first_item          integer
        ) ON COMMIT DELETE ROWS;
        BEGIN
            ALTER TABLE pg_temp.articled_batch
                ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN removed SET COMPRESSION lz4,
                ALTER COLUMN caption_texts SET COMPRESSION lz4, ALTER COLUMN caption_credits SET COMPRESSION lz4,
                ALTER COLUMN quote_texts SET COMPRESSION lz4, ALTER COLUMN quote_speakers SET COMPRESSION lz4,
                ALTER COLUMN shingles SET COMPRESSION lz4, ALTER COLUMN bands SET COMPRESSION lz4,
                ALTER COLUMN line_fingerprints SET COMPRESSION lz4, ALTER COLUMN line_samples SET COMPRESSION lz4,
                ALTER COLUMN authors SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported THEN
            NULL;   -- no lz4 in this server: pglz, as before
        END;
    ELSE
        DELETE FROM pg_temp.articled_batch;
    END IF;
END $$;

DO $$
BEGIN
    GRANT SELECT ON articled.article_search, articled.search_queue TO articled_reader;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
    NULL;
END $$;
