-- v9: the band index takes new entries through its pending list, which the clusterer empties in bulk
-- before each pass; the batch staging table and the search vector are compressed with lz4 where the
-- server has it.
--
-- pg_stat_statements (track = all) over a 5,000-file drain of the bench corpus on migration 8 (2026-12-03):
-- the band index (64 entries per article, fastupdate off since v2) is entered one key at a time, a descent
-- of the entry tree per key, about 210 buffer visits per row, and not only at insert: the search pass's
-- UPDATE (and the clusterer's, for a near duplicate, and a duplicate's seen_count) writes a new row
-- version, which the index takes again in full. The INSERT into articles visited 215 buffers per row and
-- the search pass 244; perf showed GIN entry-tree work (gintuple_get_key, ginTraverseLock) as the
-- largest share of the server's CPU after compression.
--
-- With fastupdate on, a new row version's entries are appended to the pending list; the clusterer calls
-- articled.flush_band_index() right after taking its lock, which merges the list into the tree sorted by
-- key (what VACUUM does), so its lookups see a list holding only what writers added during the pass. A
-- lookup reads the pending list as well as the tree, so the candidates are the same; v2 turned fastupdate
-- off because a list left to grow to 4 MB between vacuums made one lookup 26 ms. record_article, which
-- articled no longer calls, gets the same answers, with its lookups reading the list. Writers still
-- flush a full list themselves (gin_pending_list_limit), as before v2.
ALTER INDEX articled.articles_minhash_bands_idx SET (fastupdate = on);

-- Empties the band index's pending list into the index. gin_clean_pending_list needs the index's owner
-- (the role that ran the migrations), and the daemon may connect as another role: SECURITY DEFINER,
-- with a fixed search_path. Callable by anyone, as it changes no row and no answer; returns how many
-- pending-list pages it merged.
CREATE FUNCTION articled.flush_band_index() RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT gin_clean_pending_list('articled.articles_minhash_bands_idx'::regclass)
$$;

COMMENT ON FUNCTION articled.flush_band_index() IS 'Merges the band index''s pending list into it, so near-duplicate lookups read a short list; run by the clusterer before each pass.';

-- cluster_pending of v8 with the flush after the lock (one clusterer at a time, so one flush at a time).
CREATE OR REPLACE FUNCTION articled.cluster_pending(p_limit integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v_story_url text;
    v_canonical bigint;
    v_matched bigint;
    v_kind text;
    v_similarity real;
    v_done integer := 0;
BEGIN
    IF NOT pg_try_advisory_xact_lock(1095914563, 0) THEN   -- 'ARTC'
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM articled.cluster_queue) THEN
        PERFORM articled.flush_band_index();
    END IF;
    FOR r IN
        SELECT a.id, a.url, a.content_hash, a.shingles, a.minhash_bands, a.publisher,
               q.line_fingerprints, q.line_samples
          FROM articled.cluster_queue q JOIN articled.articles a ON a.id = q.article_id
         ORDER BY q.article_id LIMIT p_limit
           FOR UPDATE OF a
    LOOP
        v_kind := 'canonical';
        v_canonical := NULL;
        v_matched := NULL;
        v_similarity := NULL;
        v_story_url := articled.story_url(r.url);
        IF v_story_url IS NOT NULL THEN
            SELECT a.id, a.canonical_id, (articled.shingle_similarity(a.shingles, r.shingles)).containment
              INTO v_matched, v_canonical, v_similarity
              FROM articled.articles a
             WHERE a.url = v_story_url AND a.content_hash <> r.content_hash AND a.id < r.id
             ORDER BY a.id DESC LIMIT 1;
            IF FOUND THEN
                v_kind := 'revision';
            END IF;
        END IF;
        IF v_kind = 'canonical' AND cardinality(r.minhash_bands) > 0 AND cardinality(r.shingles) > 0 THEN
            SELECT c.id, c.canonical_id, s.containment
              INTO v_matched, v_canonical, v_similarity
              FROM articled.earlier_near_duplicate_candidates(r.minhash_bands, r.id, 16) c
             CROSS JOIN LATERAL articled.shingle_similarity(c.shingles, r.shingles) s
             WHERE articled.near_duplicate_rule(s.jaccard, s.containment, least(cardinality(c.shingles), cardinality(r.shingles)))
             ORDER BY s.containment DESC, s.jaccard DESC, c.canonical_id
             LIMIT 1;
            IF FOUND THEN
                v_kind := 'near_duplicate';
            END IF;
        END IF;

        IF v_kind <> 'canonical' THEN
            UPDATE articled.articles
               SET canonical_id = v_canonical, match_kind = v_kind, matched_article_id = v_matched, similarity = v_similarity
             WHERE id = r.id;
        ELSIF r.publisher IS NOT NULL AND cardinality(r.line_fingerprints) > 0 THEN
            INSERT INTO articled.learned_lines AS l (publisher, fingerprint, sample)
            SELECT r.publisher, u.f, u.s FROM unnest(r.line_fingerprints, r.line_samples) AS u (f, s)
            ON CONFLICT (publisher, fingerprint) DO UPDATE SET articles = l.articles + 1, last_seen_at = now();
        END IF;
        DELETE FROM articled.cluster_queue WHERE article_id = r.id;
        v_done := v_done + 1;
    END LOOP;
    RETURN v_done;
END $$;

-- COPY into the staging table spent most of its server CPU outside the indexes in pglz: every large value
-- of the batch (body, shingles, line samples, captions, quotes) is compressed on the way in, and the body
-- and signature columns travel on to articles compressed as they are. lz4 compresses several times faster,
-- and a compressed value reads back the same whatever the method, so no answer changes. A column without
-- a method of its own is compressed with default_toast_compression at write time (the COPY, outside this
-- function), so the staging table's large columns are given lz4 explicitly when the table is made. Where
-- the server was built without lz4 they stay pglz. The search vector, written by the search pass, likewise.
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
        );
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

DO $migration$
BEGIN
    ALTER TABLE articled.articles ALTER COLUMN search SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'articled: this server has no lz4; search vectors stay pglz-compressed';
END $migration$;
