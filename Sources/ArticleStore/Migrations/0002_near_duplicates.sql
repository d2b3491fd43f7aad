-- Schema v2: near-duplicate clusters decided inside PostgreSQL, revisions of a story, sightings per outlet.
--
-- Three levels of "the same story":
--   (a) the very same file again: nothing changes; the same bytes under another name: a `duplicate` file row;
--   (b) the same normalized body (content_hash): one article row, seen_count + 1, one sighting per file;
--   (c) a near-duplicate body, or a new body under the URL of an earlier one (a revision): its own article
--       row whose canonical_id is the id of the first article of the cluster.
-- Near duplicates are found through a GIN index on MinHash LSH band hashes computed by articled
-- (ArticleCore/MinHash.swift: word 5-shingles, 192 MinHash values in 64 bands x 3 rows) and verified exactly here against the
-- stored shingle sets: containment of the shorter set in the longer >= 0.5 (when the shorter has at least
-- 40 shingles), or Jaccard >= 0.5. The thresholds come from the labelled pairs in
-- Tests/ArticleStoreTests/NearDuplicateEvaluationTests.swift (precision/recall curve in the README).
-- Rows written before v2 have no signature (shingles NULL): they are never candidates until
-- ArticleStore.backfillNearDuplicateSignatures fills them.

ALTER TABLE articled.articles
    ADD COLUMN shingles           integer[],
    ADD COLUMN minhash_bands      bigint[],
    ADD COLUMN match_kind         text NOT NULL DEFAULT 'canonical',
    ADD COLUMN matched_article_id bigint REFERENCES articled.articles (id),
    ADD COLUMN similarity         real;
ALTER TABLE articled.articles
    ADD CONSTRAINT articles_match_kind_check CHECK (match_kind IN ('canonical', 'near_duplicate', 'revision')),
    ADD CONSTRAINT articles_match_kind_canonical CHECK ((match_kind = 'canonical') = (canonical_id = id));

-- fastupdate off: a lookup never scans a pending list, so its latency does not grow between vacuums.
CREATE INDEX articles_minhash_bands_idx ON articled.articles USING gin (minhash_bands) WITH (fastupdate = off);

CREATE TABLE articled.article_sightings (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articled.articles (id),
    file_id    bigint NOT NULL REFERENCES articled.article_files (id),
    publisher  text,
    url        text,
    seen_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT article_sightings_file_key UNIQUE (file_id)
);
CREATE INDEX article_sightings_article_id_idx ON articled.article_sightings (article_id);

-- Files recorded under v1 become sightings too.
INSERT INTO articled.article_sightings (article_id, file_id, publisher, url, seen_at)
SELECT f.article_id, f.id, f.publisher, f.url, f.received_at
  FROM articled.article_files f
 WHERE f.article_id IS NOT NULL
 ORDER BY f.id;

-- Shared shingles, Jaccard and containment of two shingle sets (distinct values, as articled stores them).
CREATE FUNCTION articled.shingle_similarity(a integer[], b integer[],
    OUT shared integer, OUT jaccard float8, OUT containment float8)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT s.n,
           s.n::float8 / nullif(cardinality(a) + cardinality(b) - s.n, 0),
           s.n::float8 / nullif(least(cardinality(a), cardinality(b)), 0)
      FROM (SELECT count(*)::integer AS n FROM (SELECT unnest(a) INTERSECT SELECT unnest(b)) i) s
$$;

-- The near-duplicate rule, in one place: containment >= 0.5 when the shorter body has at least 40
-- shingles (a short brief that repeats a quote must not join the long story it comes from), else Jaccard >= 0.5.
CREATE FUNCTION articled.near_duplicate_rule(p_jaccard float8, p_containment float8, p_smaller integer) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce((p_containment >= 0.5 AND p_smaller >= 40) OR p_jaccard >= 0.5, false)
$$;

-- True when two shingle sets are near duplicates under near_duplicate_rule.
CREATE FUNCTION articled.is_near_duplicate(a integer[], b integer[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT articled.near_duplicate_rule(s.jaccard, s.containment, least(cardinality(a), cardinality(b)))
      FROM articled.shingle_similarity(a, b) s
$$;

-- Near-duplicate candidates of a band-hash array, through the GIN index only, best first (most bands shared).
-- enable_seqscan is off inside: with random band hashes ANALYZE finds no common elements, so the planner
-- falls back to a default overlap selectivity (about 27% of the table for 64 elements) and would scan.
-- jit is off for the same reason: that inflated estimate would otherwise buy ~5 ms of JIT compilation per call.
CREATE FUNCTION articled.near_duplicate_candidates(p_bands bigint[], p_limit integer DEFAULT 16)
RETURNS TABLE (id bigint, canonical_id bigint, shingles integer[], shared_bands integer)
LANGUAGE sql STABLE SET enable_seqscan = off SET jit = off AS $$
    SELECT a.id, a.canonical_id, a.shingles, b.n
      FROM articled.articles a
     CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM unnest(a.minhash_bands) x WHERE x = ANY (p_bands)) b
     WHERE a.minhash_bands && p_bands
     ORDER BY b.n DESC, a.id
     LIMIT p_limit
$$;

-- A URL identifies a story only when it has a path: a site's home page is not one story.
CREATE FUNCTION articled.story_url(p_url text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN btrim(p_url) ~* '^[a-z][a-z0-9+.-]*://[^/?#]+/[^?#]*[^/?#]' THEN btrim(p_url) END
$$;

-- Records one article arriving in one file (or one NDJSON line); v2 adds the near-duplicate signature.
-- outcome: 'ingested' (new body), 'duplicate' (known body, sighting counted), 'unchanged' (this very
-- file was recorded before). cluster: the canonical article's id. kind: canonical, near_duplicate, revision.
--
-- Concurrency: writers of the same file serialize on the file-identity lock (as in v1). Writers of new
-- bodies take transaction-scoped advisory locks on buckets of their band hashes and on their story URL, sorted
-- (so two writers never wait on each other in a cycle), in statements of their own; the candidate
-- lookup is a later statement and so, in READ COMMITTED, sees everything committed by a writer it
-- waited for. Two near duplicates share a band hash, hence a lock: the second one finds the first.
CREATE FUNCTION articled.record_article(
    p_file_name text, p_path text, p_file_sha256 text, p_size_bytes bigint, p_line_no integer,
    p_format text, p_content_hash text, p_simhash bigint, p_title text, p_kicker text, p_dek text,
    p_authors text[], p_publisher text, p_url text, p_dateline text, p_published_at timestamptz,
    p_published_at_source text, p_language text, p_body text, p_word_count integer, p_removed text[],
    p_caption_texts text[], p_caption_credits text[], p_quote_texts text[], p_quote_speakers text[],
    p_shingles integer[], p_bands bigint[],
    OUT outcome text, OUT article bigint, OUT cluster bigint, OUT kind text)
LANGUAGE plpgsql AS $$
DECLARE
    v_inserted boolean;
    v_known boolean;
    v_story_url text := articled.story_url(p_url);
    v_key bigint;
    v_canonical bigint;
    v_matched bigint;
    v_kind text := 'canonical';
    v_similarity real;
    v_file bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_file_name || '/' || p_file_sha256 || '/' || p_line_no, 0));
    SELECT f.article_id INTO article FROM articled.article_files f
     WHERE f.file_name = p_file_name AND f.file_sha256 = p_file_sha256 AND f.line_no = p_line_no;
    IF FOUND THEN
        SELECT a.canonical_id, a.match_kind INTO cluster, kind FROM articled.articles a WHERE a.id = article;
        outcome := 'unchanged';
        RETURN;
    END IF;

    v_known := EXISTS (SELECT FROM articled.articles a WHERE a.content_hash = p_content_hash);
    IF NOT v_known THEN
        -- Locks first, each in its own statement, in ascending order. Band hashes map onto 1,024 lock
        -- buckets (class 'ARTB'), URLs onto 1,024 more (class 'ARTU'): a lock per band would need 64 lock-table
        -- entries per article and exhaust max_locks_per_transaction in a batch of a few hundred files, while
        -- buckets bound a transaction to about 2,000 entries whatever its size. Two near duplicates share a
        -- band, hence a bucket; unrelated bodies sharing a bucket only wait a little.
        FOR v_key IN
            SELECT DISTINCT (k & 1023) FROM unnest(coalesce(p_bands, '{}')) AS k ORDER BY 1
        LOOP
            PERFORM pg_advisory_xact_lock(1095914562, v_key::integer);
        END LOOP;
        IF v_story_url IS NOT NULL THEN
            PERFORM pg_advisory_xact_lock(1095914581, (hashtext(v_story_url) & 1023));
        END IF;

        -- A new body under a known story URL is a revision of that story.
        IF v_story_url IS NOT NULL THEN
            SELECT a.id, a.canonical_id, (articled.shingle_similarity(a.shingles, p_shingles)).containment
              INTO v_matched, v_canonical, v_similarity
              FROM articled.articles a
             WHERE a.url = v_story_url AND a.content_hash <> p_content_hash
             ORDER BY a.id DESC LIMIT 1;
            IF FOUND THEN
                v_kind := 'revision';
            END IF;
        END IF;

        -- Else a near duplicate: candidates through the band index only, the 16 sharing most bands
        -- verified exactly, the best match's cluster joined.
        IF v_kind = 'canonical' AND cardinality(p_bands) > 0 AND cardinality(p_shingles) > 0 THEN
            SELECT c.id, c.canonical_id, s.containment
              INTO v_matched, v_canonical, v_similarity
              FROM articled.near_duplicate_candidates(p_bands, 16) c
             CROSS JOIN LATERAL articled.shingle_similarity(c.shingles, p_shingles) s
             WHERE articled.near_duplicate_rule(s.jaccard, s.containment, least(cardinality(c.shingles), cardinality(p_shingles)))
             ORDER BY s.containment DESC, s.jaccard DESC, c.canonical_id
             LIMIT 1;
            IF FOUND THEN
                v_kind := 'near_duplicate';
            END IF;
        END IF;
    END IF;

    INSERT INTO articled.articles AS a (
        canonical_id, content_hash, simhash, title, kicker, dek, authors, publisher, url, dateline, published_at,
        published_at_source, language, format, body, word_count, removed,
        shingles, minhash_bands, match_kind, matched_article_id, similarity)
    VALUES (
        v_canonical, p_content_hash, p_simhash, p_title, p_kicker, p_dek, coalesce(p_authors, '{}'), p_publisher,
        p_url, p_dateline, p_published_at, p_published_at_source, p_language, p_format, p_body, p_word_count,
        coalesce(p_removed, '{}'), p_shingles, p_bands, v_kind, v_matched, v_similarity)
    ON CONFLICT ON CONSTRAINT articles_content_hash_key DO UPDATE
        SET seen_count = a.seen_count + 1, last_seen_at = now()
    RETURNING a.id, a.canonical_id, a.match_kind, (a.xmax = 0) INTO article, cluster, kind, v_inserted;

    INSERT INTO articled.article_files (file_name, path, line_no, file_sha256, size_bytes, status, article_id, publisher, url)
    VALUES (p_file_name, p_path, p_line_no, p_file_sha256, p_size_bytes,
            CASE WHEN v_inserted THEN 'ingested' ELSE 'duplicate' END, article, p_publisher, p_url)
    RETURNING id INTO v_file;

    INSERT INTO articled.article_sightings (article_id, file_id, publisher, url)
    VALUES (article, v_file, p_publisher, p_url);

    IF v_inserted THEN
        INSERT INTO articled.article_captions (article_id, position, text, credit)
        SELECT article, u.ord, u.t, u.c
          FROM unnest(coalesce(p_caption_texts, '{}'), coalesce(p_caption_credits, '{}')) WITH ORDINALITY AS u (t, c, ord)
         WHERE u.t IS NOT NULL;
        INSERT INTO articled.article_quotes (article_id, position, text, speaker)
        SELECT article, u.ord, u.t, u.s
          FROM unnest(coalesce(p_quote_texts, '{}'), coalesce(p_quote_speakers, '{}')) WITH ORDINALITY AS u (t, s, ord)
         WHERE u.t IS NOT NULL;
        outcome := 'ingested';
    ELSE
        outcome := 'duplicate';
    END IF;
END $$;

-- The v1 form keeps working: an article without a signature is never a near-duplicate candidate.
CREATE OR REPLACE FUNCTION articled.record_article(
    p_file_name text, p_path text, p_file_sha256 text, p_size_bytes bigint, p_line_no integer,
    p_format text, p_content_hash text, p_simhash bigint, p_title text, p_kicker text, p_dek text,
    p_authors text[], p_publisher text, p_url text, p_dateline text, p_published_at timestamptz,
    p_published_at_source text, p_language text, p_body text, p_word_count integer, p_removed text[],
    p_caption_texts text[], p_caption_credits text[], p_quote_texts text[], p_quote_speakers text[],
    OUT outcome text, OUT article bigint)
LANGUAGE sql AS $$
    SELECT r.outcome, r.article FROM articled.record_article(
        p_file_name, p_path, p_file_sha256, p_size_bytes, p_line_no, p_format, p_content_hash, p_simhash, p_title,
        p_kicker, p_dek, p_authors, p_publisher, p_url, p_dateline, p_published_at, p_published_at_source,
        p_language, p_body, p_word_count, p_removed, p_caption_texts, p_caption_credits, p_quote_texts,
        p_quote_speakers, NULL::integer[], NULL::bigint[]) r
$$;

-- Same columns as v1, in the same order (so grants, comments and BI questions survive), plus the new ones
-- at the end. The descriptive columns now show the latest revision of the story.
CREATE OR REPLACE VIEW articled.stories AS
SELECT m.canonical_id                    AS story_id,
       l.title,
       l.publisher,
       l.url,
       l.language,
       l.published_at,
       c.first_seen_at,
       m.last_seen_at,
       m.cluster_size,
       m.sightings,
       coalesce(o.outlets, 0)::integer   AS outlets,
       l.word_count,
       m.latest_id                       AS latest_article_id,
       m.revisions,
       m.near_duplicates,
       l.first_seen_at                   AS latest_revision_at,
       c.title                           AS first_title
  FROM (SELECT a.canonical_id,
               max(a.last_seen_at)                                                  AS last_seen_at,
               count(*)::integer                                                    AS cluster_size,
               sum(a.seen_count)::integer                                           AS sightings,
               (count(*) FILTER (WHERE a.match_kind <> 'near_duplicate'))::integer  AS revisions,
               (count(*) FILTER (WHERE a.match_kind = 'near_duplicate'))::integer   AS near_duplicates,
               max(a.id) FILTER (WHERE a.match_kind <> 'near_duplicate')            AS latest_id
          FROM articled.articles a
         GROUP BY a.canonical_id) m
  JOIN articled.articles c ON c.id = m.canonical_id
  JOIN articled.articles l ON l.id = m.latest_id
  LEFT JOIN (SELECT a.canonical_id, count(DISTINCT s.publisher) AS outlets
               FROM articled.article_sightings s
               JOIN articled.articles a ON a.id = s.article_id
              GROUP BY a.canonical_id) o ON o.canonical_id = m.canonical_id;

CREATE VIEW articled.clusters AS
SELECT a.canonical_id                                            AS cluster_id,
       count(*) OVER (PARTITION BY a.canonical_id)::integer       AS cluster_size,
       a.id                                                      AS article_id,
       (a.id = a.canonical_id)                                   AS is_canonical,
       a.match_kind,
       a.matched_article_id,
       a.similarity,
       a.title,
       a.publisher,
       a.url,
       a.published_at,
       a.first_seen_at,
       a.seen_count,
       (SELECT count(DISTINCT s.publisher)::integer FROM articled.article_sightings s WHERE s.article_id = a.id) AS outlets
  FROM articled.articles a;

CREATE VIEW articled.story_revisions AS
SELECT a.canonical_id                                                         AS story_id,
       row_number() OVER (PARTITION BY a.canonical_id ORDER BY a.id)::integer  AS revision,
       a.id                                                                   AS article_id,
       a.match_kind,
       a.matched_article_id                                                   AS previous_article_id,
       a.similarity,
       (a.id = max(a.id) OVER (PARTITION BY a.canonical_id))                   AS is_latest,
       a.title,
       a.publisher,
       a.url,
       a.published_at,
       a.first_seen_at,
       a.last_seen_at,
       a.seen_count,
       a.word_count
  FROM articled.articles a
 WHERE a.match_kind <> 'near_duplicate';

COMMENT ON TABLE articled.article_sightings IS 'One row per file (or NDJSON line) that carried an article: which outlet ran it, where, when. A syndicated story has one per outlet.';
COMMENT ON COLUMN articled.article_sightings.id IS 'Sighting id.';
COMMENT ON COLUMN articled.article_sightings.article_id IS 'The article (distinct body) that was seen.';
COMMENT ON COLUMN articled.article_sightings.file_id IS 'The article_files row of the file that carried it.';
COMMENT ON COLUMN articled.article_sightings.publisher IS 'Publisher named by this file (outlet that ran the story).';
COMMENT ON COLUMN articled.article_sightings.url IS 'URL given by this file, when known.';
COMMENT ON COLUMN articled.article_sightings.seen_at IS 'When the file was recorded.';

COMMENT ON COLUMN articled.articles.shingles IS 'Low 32 bits of the hashes of the body''s word 5-shingles (lowercased, punctuation dropped), distinct, ascending; for the exact near-duplicate check. NULL for rows written before schema v2 and not yet backfilled.';
COMMENT ON COLUMN articled.articles.minhash_bands IS 'MinHash LSH band hashes (64 bands x 3 rows of 192 MinHash values over the shingles); GIN-indexed; any equal element makes two articles near-duplicate candidates.';
COMMENT ON COLUMN articled.articles.match_kind IS 'canonical (first of its cluster), near_duplicate (body close to an earlier article: see articled.near_duplicate_rule), revision (new body under the URL of an earlier article).';
COMMENT ON COLUMN articled.articles.matched_article_id IS 'The earlier article this one matched (best near duplicate, or the previous revision); NULL when canonical.';
COMMENT ON COLUMN articled.articles.similarity IS 'Shingle containment (0..1) against matched_article_id: share of the shorter body found in the other.';

COMMENT ON FUNCTION articled.shingle_similarity(integer[], integer[]) IS 'Shared shingles, Jaccard and containment of two articles.shingles arrays.';
COMMENT ON FUNCTION articled.near_duplicate_rule(float8, float8, integer) IS 'The near-duplicate rule: containment >= 0.5 (shorter body >= 40 shingles) or Jaccard >= 0.5.';
COMMENT ON FUNCTION articled.is_near_duplicate(integer[], integer[]) IS 'True when two articles.shingles arrays are near duplicates under near_duplicate_rule.';
COMMENT ON FUNCTION articled.near_duplicate_candidates(bigint[], integer) IS 'Articles sharing at least one MinHash band hash with p_bands (GIN index), most shared bands first.';
COMMENT ON FUNCTION articled.story_url(text) IS 'The URL trimmed when it can identify one story (has a path), else NULL.';

COMMENT ON VIEW articled.stories IS 'One row per story (near-duplicate cluster, revisions included), shown by its latest revision, with cluster size, sightings and outlets.';
COMMENT ON COLUMN articled.stories.story_id IS 'Id of the canonical (first-seen) article of the cluster.';
COMMENT ON COLUMN articled.stories.title IS 'Headline of the latest revision.';
COMMENT ON COLUMN articled.stories.publisher IS 'Publisher of the latest revision.';
COMMENT ON COLUMN articled.stories.url IS 'URL of the latest revision.';
COMMENT ON COLUMN articled.stories.language IS 'ISO 639-1 language of the latest revision.';
COMMENT ON COLUMN articled.stories.published_at IS 'Publication time of the latest revision.';
COMMENT ON COLUMN articled.stories.first_seen_at IS 'When the first article of the cluster was ingested.';
COMMENT ON COLUMN articled.stories.last_seen_at IS 'When any article of the cluster was last seen.';
COMMENT ON COLUMN articled.stories.cluster_size IS 'Distinct article bodies in the cluster (revisions and near duplicates).';
COMMENT ON COLUMN articled.stories.sightings IS 'Files that carried any article of the cluster.';
COMMENT ON COLUMN articled.stories.outlets IS 'Distinct publishers among the cluster''s sightings.';
COMMENT ON COLUMN articled.stories.word_count IS 'Words in the latest revision.';
COMMENT ON COLUMN articled.stories.latest_article_id IS 'Id of the latest revision (newest body that is not a near duplicate from another copy).';
COMMENT ON COLUMN articled.stories.revisions IS 'Bodies of the story that are the first one or a revision of it (see story_revisions).';
COMMENT ON COLUMN articled.stories.near_duplicates IS 'Near-duplicate bodies in the cluster (edited copies, e.g. syndicated wire stories).';
COMMENT ON COLUMN articled.stories.latest_revision_at IS 'When the latest revision was first seen.';
COMMENT ON COLUMN articled.stories.first_title IS 'Headline of the first article of the cluster.';

COMMENT ON VIEW articled.clusters IS 'One row per article with the cluster it belongs to: how it joined (match_kind), what it matched and how closely.';
COMMENT ON COLUMN articled.clusters.cluster_id IS 'Id of the canonical article of the cluster (stories.story_id).';
COMMENT ON COLUMN articled.clusters.cluster_size IS 'Distinct article bodies in the cluster.';
COMMENT ON COLUMN articled.clusters.article_id IS 'The member article.';
COMMENT ON COLUMN articled.clusters.is_canonical IS 'True for the first article of the cluster.';
COMMENT ON COLUMN articled.clusters.match_kind IS 'canonical, near_duplicate or revision.';
COMMENT ON COLUMN articled.clusters.matched_article_id IS 'The earlier article this one matched.';
COMMENT ON COLUMN articled.clusters.similarity IS 'Shingle containment against matched_article_id.';
COMMENT ON COLUMN articled.clusters.title IS 'Headline of the member article.';
COMMENT ON COLUMN articled.clusters.publisher IS 'Publisher of the member article (first file that carried it).';
COMMENT ON COLUMN articled.clusters.url IS 'URL of the member article, when known.';
COMMENT ON COLUMN articled.clusters.published_at IS 'Publication time of the member article.';
COMMENT ON COLUMN articled.clusters.first_seen_at IS 'When the member article was first ingested.';
COMMENT ON COLUMN articled.clusters.seen_count IS 'Files that carried the member article.';
COMMENT ON COLUMN articled.clusters.outlets IS 'Distinct publishers among this article''s sightings.';

COMMENT ON VIEW articled.story_revisions IS 'Every revision of every story, oldest first: the first article and each new body under the URL of an earlier one (near-duplicate copies excluded).';
COMMENT ON COLUMN articled.story_revisions.story_id IS 'Id of the canonical article of the story.';
COMMENT ON COLUMN articled.story_revisions.revision IS 'Revision number within the story, from 1.';
COMMENT ON COLUMN articled.story_revisions.article_id IS 'The article of this revision.';
COMMENT ON COLUMN articled.story_revisions.match_kind IS 'canonical (revision 1) or revision.';
COMMENT ON COLUMN articled.story_revisions.previous_article_id IS 'The revision it replaced (same URL); NULL for the first.';
COMMENT ON COLUMN articled.story_revisions.similarity IS 'Shingle containment against the previous revision: 1 means text only added or removed around unchanged text.';
COMMENT ON COLUMN articled.story_revisions.is_latest IS 'True for the newest revision of the story.';
COMMENT ON COLUMN articled.story_revisions.title IS 'Headline of this revision.';
COMMENT ON COLUMN articled.story_revisions.publisher IS 'Publisher of this revision.';
COMMENT ON COLUMN articled.story_revisions.url IS 'URL of this revision.';
COMMENT ON COLUMN articled.story_revisions.published_at IS 'Publication time given by this revision.';
COMMENT ON COLUMN articled.story_revisions.first_seen_at IS 'When this revision was first ingested.';
COMMENT ON COLUMN articled.story_revisions.last_seen_at IS 'When this revision was last seen in any file.';
COMMENT ON COLUMN articled.story_revisions.seen_count IS 'Files that carried this revision.';
COMMENT ON COLUMN articled.story_revisions.word_count IS 'Words in this revision.';

DO $$
BEGIN
    GRANT SELECT ON articled.article_sightings, articled.clusters, articled.story_revisions, articled.stories
       TO articled_reader;
EXCEPTION WHEN insufficient_privilege OR undefined_object THEN
    RAISE NOTICE 'articled: could not grant SELECT on the v2 tables and views to articled_reader; grant it yourself';
END $$;
