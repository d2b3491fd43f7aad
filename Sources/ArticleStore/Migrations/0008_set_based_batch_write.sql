-- v8: a batch is written with a handful of set-based statements, and near-duplicate clustering moves to a
-- background clusterer.
--
-- Until v7 every article of a batch was one record_article call: about 25 statements each, among them the
-- band-bucket locks, the revision lookup and the candidate lookup through the band index with its exact
-- verification, all inside the ingest transaction (make bench: 3.4 ms of server CPU per file). Now the
-- writer COPYs the batch's rows into a session-local staging table (articled.batch_staging) and calls
-- articled.record_batch once, which decides file identity, exact duplicates and inserts for the whole batch.
-- New bodies go in as their own story (canonical, canonical_id = id) and are queued in
-- articled.cluster_queue; articled.cluster_pending assigns revision / near_duplicate / canonical shortly
-- after commit, with the rule and the tie-breaks of record_article, in id order.
--
-- Same result as sequential assignment: each queued article is compared only with articles of a lower id,
-- and every article of a lower id is visible and already clustered when its turn comes, because
--   * one clusterer at a time in the whole database (a transaction-level advisory lock) takes the queue in
--     id order, so all lower queued ids were assigned first;
--   * writers insert their articles under a transaction-level advisory lock held to commit ('ARTO'), so ids
--     are handed out in commit order: an article still uncommitted always has a higher id than every
--     committed one, and no lower id can turn up later.
-- The bucket locks of v2-v7 are not needed any more: writers of near duplicates no longer look at each other.
-- record_article stays for callers of the old form; articled no longer calls it.

-- One row per newly ingested article not yet assigned to its story, with what the clusterer needs besides
-- the article row: the article's distinct body lines for the learned-boilerplate count, which applies only
-- to articles that start a story, known only once clustered.
CREATE TABLE articled.cluster_queue (
    article_id        bigint PRIMARY KEY REFERENCES articled.articles (id) ON DELETE CASCADE,
    line_fingerprints bigint[] NOT NULL DEFAULT '{}',
    line_samples      text[] NOT NULL DEFAULT '{}',
    queued_at         timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE articled.cluster_queue IS 'Articles ingested but not yet assigned to their story by the background clusterer; until then each is its own story.';
COMMENT ON COLUMN articled.cluster_queue.article_id IS 'The queued article.';
COMMENT ON COLUMN articled.cluster_queue.line_fingerprints IS 'Fingerprints of its distinct body lines, counted towards learned boilerplate if it starts a story.';
COMMENT ON COLUMN articled.cluster_queue.line_samples IS 'Those lines, in the same order (kept as learned_lines.sample).';
COMMENT ON COLUMN articled.cluster_queue.queued_at IS 'When it was written (transaction start).';

-- Prepares this session's staging table for a batch: created on first use, emptied otherwise. A temporary
-- table (no WAL, no other session sees it), kept for the session so a batch costs no catalog change.
CREATE FUNCTION articled.batch_staging() RETURNS void LANGUAGE plpgsql AS $$
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
    ELSE
        DELETE FROM pg_temp.articled_batch;
    END IF;
END $$;

-- Records the staged batch: one result row per staged item, in item order. outcome: 'ingested' (new body),
-- 'duplicate' (known body, or a body an earlier item of the batch carries), 'unchanged' (this very file or
-- line was recorded before, or earlier in the batch), 'rejected'. article: the article the item carries
-- (NULL for rejections and for an unchanged file recorded as rejected).
--
-- Concurrency: all file-identity locks of the batch in one statement, sorted (the keys of record_article
-- and record_rejection, so older writers interlock too); then, sorted, locks on 1,024 buckets of the
-- content hashes ('ARTH'), so two batches carrying one body never wait on each other's unique-index entry
-- in a cycle: the second waits for the first to commit and then finds the body. Then the id-order lock
-- ('ARTO', see above) just before the insert.
CREATE FUNCTION articled.record_batch() RETURNS TABLE (item integer, outcome text, article bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    PERFORM pg_advisory_xact_lock(k.key)
       FROM (SELECT DISTINCT hashtextextended(b.file_name || '/' || b.file_sha256 || '/' || b.line_no, 0) AS key
               FROM pg_temp.articled_batch b ORDER BY 1) k;
    PERFORM pg_advisory_xact_lock(1095914568, k.key)
       FROM (SELECT DISTINCT (hashtext(b.content_hash) & 1023) AS key
               FROM pg_temp.articled_batch b WHERE b.error IS NULL ORDER BY 1) k;

    -- The very same file (or line) again, recorded before, or earlier in this batch.
    UPDATE pg_temp.articled_batch b SET outcome = 'unchanged', article = f.article_id
      FROM articled.article_files f
     WHERE f.file_name = b.file_name AND f.file_sha256 = b.file_sha256 AND f.line_no = b.line_no;
    UPDATE pg_temp.articled_batch b SET outcome = 'unchanged', first_item = d.first
      FROM (SELECT s.item, min(s.item) OVER (PARTITION BY s.file_name, s.file_sha256, s.line_no) AS first
              FROM pg_temp.articled_batch s WHERE s.outcome IS NULL) d
     WHERE d.item = b.item AND d.first <> d.item;

    UPDATE pg_temp.articled_batch b SET outcome = 'rejected' WHERE b.outcome IS NULL AND b.error IS NOT NULL;

    -- Known bodies; then later copies of a body within the batch, which count as duplicates of the first.
    UPDATE pg_temp.articled_batch b SET outcome = 'duplicate', article = a.id
      FROM articled.articles a
     WHERE b.outcome IS NULL AND a.content_hash = b.content_hash;
    UPDATE pg_temp.articled_batch b SET outcome = 'duplicate', first_item = d.first
      FROM (SELECT s.item, min(s.item) OVER (PARTITION BY s.content_hash) AS first
              FROM pg_temp.articled_batch s WHERE s.outcome IS NULL) d
     WHERE d.item = b.item AND d.first <> d.item;

    -- New bodies, in batch order (so ids follow it), each its own story until clustered.
    PERFORM pg_advisory_xact_lock(1095914575, 0);
    WITH inserted AS (
        INSERT INTO articled.articles (
            content_hash, simhash, title, kicker, dek, authors, publisher, url, dateline, published_at,
            published_at_source, language, format, body, word_count, removed, shingles, minhash_bands)
        SELECT b.content_hash, b.simhash, b.title, b.kicker, b.dek, coalesce(b.authors, '{}'), b.publisher, b.url,
               b.dateline, b.published_at, b.published_at_source, b.language, b.format, b.body, b.word_count,
               coalesce(b.removed, '{}'), b.shingles, b.bands
          FROM pg_temp.articled_batch b WHERE b.outcome IS NULL ORDER BY b.item
        -- Only a writer that takes no 'ARTH' lock (record_article) can get here first; its body counts as known.
        ON CONFLICT ON CONSTRAINT articles_content_hash_key DO NOTHING
        RETURNING id, content_hash
    )
    UPDATE pg_temp.articled_batch b SET outcome = 'ingested', article = i.id
      FROM inserted i WHERE b.outcome IS NULL AND b.content_hash = i.content_hash;
    UPDATE pg_temp.articled_batch b SET outcome = 'duplicate', article = a.id
      FROM articled.articles a
     WHERE b.outcome IS NULL AND a.content_hash = b.content_hash;
    -- Later copies of a body first (their first item has its article now), then repeated files, whose first
    -- item may be such a copy.
    UPDATE pg_temp.articled_batch b SET article = f.article
      FROM pg_temp.articled_batch f WHERE b.first_item = f.item AND b.outcome = 'duplicate';
    UPDATE pg_temp.articled_batch b SET article = f.article
      FROM pg_temp.articled_batch f WHERE b.first_item = f.item AND b.outcome = 'unchanged';

    -- One more sighting of each known body per file; rows locked in id order, as the clusterer locks them.
    PERFORM 1 FROM articled.articles a
     WHERE a.id IN (SELECT b.article FROM pg_temp.articled_batch b WHERE b.outcome = 'duplicate')
     ORDER BY a.id FOR UPDATE;
    UPDATE articled.articles a SET seen_count = a.seen_count + d.n, last_seen_at = now()
      FROM (SELECT b.article, count(*)::integer AS n FROM pg_temp.articled_batch b
             WHERE b.outcome = 'duplicate' GROUP BY b.article) d
     WHERE a.id = d.article;

    WITH files AS (
        INSERT INTO articled.article_files (file_name, path, line_no, file_sha256, size_bytes, status, error,
                                            article_id, publisher, url)
        SELECT b.file_name, b.path, b.line_no, b.file_sha256, b.size_bytes, b.outcome, b.error, b.article,
               b.publisher, b.url
          FROM pg_temp.articled_batch b WHERE b.outcome IN ('ingested', 'duplicate', 'rejected') ORDER BY b.item
        ON CONFLICT ON CONSTRAINT article_files_identity_key DO NOTHING
        RETURNING id, article_id, publisher, url
    )
    INSERT INTO articled.article_sightings (article_id, file_id, publisher, url)
    SELECT f.article_id, f.id, f.publisher, f.url FROM files f WHERE f.article_id IS NOT NULL ORDER BY f.id;

    INSERT INTO articled.article_captions (article_id, position, text, credit)
    SELECT b.article, u.n, u.t, u.c
      FROM pg_temp.articled_batch b
     CROSS JOIN LATERAL unnest(coalesce(b.caption_texts, '{}'), coalesce(b.caption_credits, '{}'))
           WITH ORDINALITY AS u (t, c, n)
     WHERE b.outcome = 'ingested' AND u.t IS NOT NULL;
    INSERT INTO articled.article_quotes (article_id, position, text, speaker)
    SELECT b.article, u.n, u.t, u.s
      FROM pg_temp.articled_batch b
     CROSS JOIN LATERAL unnest(coalesce(b.quote_texts, '{}'), coalesce(b.quote_speakers, '{}'))
           WITH ORDINALITY AS u (t, s, n)
     WHERE b.outcome = 'ingested' AND u.t IS NOT NULL;

    INSERT INTO articled.cluster_queue (article_id, line_fingerprints, line_samples)
    SELECT b.article, coalesce(b.line_fingerprints, '{}'), coalesce(b.line_samples, '{}')
      FROM pg_temp.articled_batch b WHERE b.outcome = 'ingested' ORDER BY b.article;

    RETURN QUERY SELECT b.item, b.outcome, b.article FROM pg_temp.articled_batch b ORDER BY b.item;
    DELETE FROM pg_temp.articled_batch;
END $$;

-- Near-duplicate candidates among the articles before p_before (lower id), through the band index only,
-- most shared bands first: near_duplicate_candidates with the id bound inside, before the limit.
CREATE FUNCTION articled.earlier_near_duplicate_candidates(p_bands bigint[], p_before bigint, p_limit integer)
RETURNS TABLE (id bigint, canonical_id bigint, shingles integer[], shared_bands integer)
LANGUAGE plpgsql STABLE SET enable_seqscan = off SET jit = off AS $$
BEGIN
    RETURN QUERY
    SELECT a.id, a.canonical_id, a.shingles, b.n
      FROM articled.articles a
     CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM unnest(a.minhash_bands) x WHERE x = ANY (p_bands)) b
     WHERE a.minhash_bands && p_bands AND a.id < p_before
     ORDER BY b.n DESC, a.id
     LIMIT p_limit;
END $$;

-- Assigns up to p_limit queued articles, in id order, to their story: a revision (a new body under the story
-- URL of an earlier article), a near duplicate (the best of the 16 earlier articles sharing most band hashes,
-- verified exactly by near_duplicate_rule), or canonical, exactly as record_article decided at insert time.
-- An article that starts a story counts its lines towards its publisher's learned boilerplate here, each
-- line once. Returns how many it assigned, or NULL when another clusterer holds the lock (try again later).
CREATE FUNCTION articled.cluster_pending(p_limit integer) RETURNS integer
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

COMMENT ON FUNCTION articled.record_batch() IS 'Records the batch staged in pg_temp.articled_batch (see articled.batch_staging): one outcome per item.';
COMMENT ON FUNCTION articled.cluster_pending(integer) IS 'Assigns up to p_limit queued articles to their story, in id order; NULL when another clusterer is running.';
COMMENT ON FUNCTION articled.earlier_near_duplicate_candidates(bigint[], bigint, integer) IS 'Near-duplicate candidates of lower id than p_before, through the band index, most shared bands first.';

DO $$
BEGIN
    GRANT SELECT ON articled.cluster_queue TO articled_reader;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
    NULL;
END $$;
