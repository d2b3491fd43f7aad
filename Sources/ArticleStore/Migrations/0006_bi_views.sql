-- v6: views shaped for BI tools (Superset, Metabase, Grafana), a search function they can call, and
-- grants that later migrations cannot forget.
--
-- What the tools need: narrow, typed views with a comment on every column (Metabase and Superset show
-- column comments as field descriptions; Metabase ignores table comments), a timestamptz column named
-- `time` for time series (Grafana's convention, and a plain `timestamp` loses its zone in Metabase),
-- and no arrays (none of them charts an array): authors get a flattened companion view.

-- Time series. An article counts at its publication time, else when it was first seen, as in daily_counts.
CREATE VIEW articled.activity_daily AS
SELECT date_trunc('day', coalesce(a.published_at, a.first_seen_at), 'UTC')  AS time,
       coalesce(a.publisher, '(unknown)')                                     AS publisher,
       a.language,
       count(*)::integer                                                      AS articles,
       (count(*) FILTER (WHERE a.match_kind = 'canonical'))::integer          AS stories,
       sum(a.seen_count)::integer                                             AS sightings,
       sum(a.word_count)::bigint                                              AS words
  FROM articled.articles a
 GROUP BY 1, 2, 3;

CREATE VIEW articled.activity_hourly AS
SELECT date_trunc('hour', coalesce(a.published_at, a.first_seen_at), 'UTC') AS time,
       coalesce(a.publisher, '(unknown)')                                     AS publisher,
       a.language,
       count(*)::integer                                                      AS articles,
       (count(*) FILTER (WHERE a.match_kind = 'canonical'))::integer          AS stories,
       sum(a.seen_count)::integer                                             AS sightings,
       sum(a.word_count)::bigint                                              AS words
  FROM articled.articles a
 GROUP BY 1, 2, 3;

-- Sightings per outlet: a syndicated story counts once for every outlet that ran it, at the time each
-- file was received (the outlet's publication time is not known per file).
CREATE VIEW articled.sightings_daily AS
SELECT date_trunc('day', s.seen_at, 'UTC')        AS time,
       coalesce(s.publisher, '(unknown)')          AS publisher,
       a.language,
       count(*)::integer                           AS sightings,
       count(DISTINCT a.id)::integer               AS articles,
       count(DISTINCT a.canonical_id)::integer     AS stories
  FROM articled.article_sightings s
  JOIN articled.articles a ON a.id = s.article_id
 GROUP BY 1, 2, 3;

-- One row per story with the figures a "top stories" chart sorts on; `time` is when the story broke
-- (its first article's publication time, else first seen), so a time filter picks a window of stories.
CREATE VIEW articled.top_stories AS
SELECT coalesce(c.published_at, s.first_seen_at)  AS time,
       s.story_id,
       s.title,
       s.publisher,
       s.language,
       s.url,
       s.cluster_size,
       s.outlets,
       s.sightings,
       s.revisions,
       s.near_duplicates,
       s.first_seen_at,
       s.last_seen_at,
       s.word_count
  FROM articled.stories s
  JOIN articled.articles c ON c.id = s.story_id;

-- Everything that happened to a story, in order: each body (first article, revision, near-duplicate
-- copy) when it was first ingested, and each file that carried one of them (a sighting).
CREATE VIEW articled.story_timeline AS
SELECT e.story_id,
       row_number() OVER (PARTITION BY e.story_id ORDER BY e.time, e.event_order, e.event_id)::integer AS step,
       e.time,
       e.event,
       e.article_id,
       e.title,
       e.publisher,
       e.url,
       e.similarity
  FROM (SELECT a.canonical_id AS story_id, a.first_seen_at AS time, 0 AS event_order, a.id AS event_id,
               CASE a.match_kind WHEN 'canonical' THEN 'first_article' ELSE a.match_kind END AS event,
               a.id AS article_id, a.title, a.publisher, a.url, a.similarity
          FROM articled.articles a
        UNION ALL
        SELECT a.canonical_id, s.seen_at, 1, s.id, 'sighting', a.id, a.title, s.publisher, s.url, NULL::real
          FROM articled.article_sightings s
          JOIN articled.articles a ON a.id = s.article_id) e;

-- A narrow article list: no body, no arrays, the authors as one text.
CREATE VIEW articled.article_list AS
SELECT coalesce(a.published_at, a.first_seen_at)   AS time,
       a.id                                         AS article_id,
       a.canonical_id                               AS story_id,
       a.match_kind,
       a.title,
       a.kicker,
       a.dek,
       array_to_string(a.authors, ', ')             AS authors,
       a.publisher,
       a.language,
       a.url,
       a.dateline,
       a.published_at,
       a.published_at_source,
       a.format,
       a.word_count,
       a.seen_count,
       a.first_seen_at,
       a.last_seen_at
  FROM articled.articles a;

-- Flattened arrays and child tables, each row carrying the article's time and publisher for charts.
CREATE VIEW articled.article_authors AS
SELECT coalesce(a.published_at, a.first_seen_at)   AS time,
       a.id                                         AS article_id,
       a.canonical_id                               AS story_id,
       u.position::integer                          AS position,
       u.author,
       a.publisher,
       a.language,
       a.title
  FROM articled.articles a
 CROSS JOIN LATERAL unnest(a.authors) WITH ORDINALITY AS u (author, position);

CREATE VIEW articled.captions AS
SELECT coalesce(a.published_at, a.first_seen_at)   AS time,
       c.article_id,
       a.canonical_id                               AS story_id,
       c.position,
       c.text,
       c.credit,
       a.publisher,
       a.title
  FROM articled.article_captions c
  JOIN articled.articles a ON a.id = c.article_id;

CREATE VIEW articled.quotes AS
SELECT coalesce(a.published_at, a.first_seen_at)   AS time,
       q.article_id,
       a.canonical_id                               AS story_id,
       q.position,
       q.text,
       q.speaker,
       a.publisher,
       a.title
  FROM articled.article_quotes q
  JOIN articled.articles a ON a.id = q.article_id;

CREATE VIEW articled.authors AS
SELECT u.author,
       count(DISTINCT a.id)::integer            AS articles,
       count(DISTINCT a.canonical_id)::integer  AS stories,
       count(DISTINCT a.publisher)::integer     AS publishers,
       string_agg(DISTINCT a.publisher, ', ')   AS publisher_names,
       min(coalesce(a.published_at, a.first_seen_at)) AS first_article_at,
       max(coalesce(a.published_at, a.first_seen_at)) AS last_article_at,
       sum(a.word_count)::bigint                AS words
  FROM articled.articles a
 CROSS JOIN LATERAL unnest(a.authors) AS u (author)
 GROUP BY u.author;

-- Publishers as outlets: an article counts for every outlet that ran it (its sightings).
CREATE VIEW articled.publishers AS
SELECT coalesce(s.publisher, '(unknown)')         AS publisher,
       count(DISTINCT a.id)::integer               AS articles,
       count(DISTINCT a.canonical_id)::integer     AS stories,
       count(*)::integer                           AS sightings,
       count(DISTINCT a.language)::integer         AS languages,
       count(DISTINCT a.id) FILTER (WHERE a.publisher IS NOT DISTINCT FROM s.publisher)::integer AS original_articles,
       min(s.seen_at)                              AS first_seen_at,
       max(s.seen_at)                              AS last_seen_at,
       max(a.published_at)                         AS last_published_at
  FROM articled.article_sightings s
  JOIN articled.articles a ON a.id = s.article_id
 GROUP BY 1;

-- The query in every text-search configuration articled indexes with, OR-ed: each article's vector was
-- built in its own language's configuration, and this one query lets the GIN index on `search` find
-- the candidates in all languages at once. It is a pre-filter: with a negation (-word) one language's
-- reading can match an article of another, so articled.search checks each candidate against the
-- query read in its own language.
CREATE FUNCTION articled.search_query(p_query text, p_language text DEFAULT NULL) RETURNS tsquery
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_query tsquery;
    v_part tsquery;
BEGIN
    IF p_language IS NOT NULL THEN
        RETURN websearch_to_tsquery(articled.search_config(p_language), p_query);
    END IF;
    -- DISTINCT: most configurations stem most words alike, and one copy of each reading is enough.
    FOR v_part IN
        SELECT DISTINCT websearch_to_tsquery(articled.search_config(code), p_query)
          FROM unnest(ARRAY['en', 'de', 'fr', 'es', 'it', 'ru', 'ar', 'pt', 'nl', 'sv', 'no', 'da', 'fi', 'tr',
                            'hu', 'ro', 'el', 'id', 'ga', 'lt', 'ne', 'ta', 'hy', 'eu', 'ca', 'hi', 'sr', 'yi',
                            'xx']) AS code
    LOOP
        v_query := CASE WHEN v_query IS NULL THEN v_part ELSE v_query || v_part END;
    END LOOP;
    RETURN v_query;
END $$;

-- Full-text search a BI tool can call like a table: SELECT * FROM articled.search('iron dome').
-- Web-search syntax ("quoted phrase", -excluded, or). Best first; articles not yet indexed by the
-- background pass are not found.
CREATE FUNCTION articled.search(p_query text, p_language text DEFAULT NULL, p_limit integer DEFAULT 100)
RETURNS TABLE (rank real, article_id bigint, story_id bigint, title text, publisher text, language text,
               published_at timestamptz, "time" timestamptz, url text, word_count integer, snippet text)
LANGUAGE sql STABLE AS $$
    WITH q AS (SELECT articled.search_query(p_query, p_language) AS tsq),
    hits AS (
        SELECT ts_rank(a.search, own.tsq) AS rank, own.tsq, a.id, a.canonical_id, a.title, a.publisher, a.language,
               a.published_at, coalesce(a.published_at, a.first_seen_at) AS time, a.url, a.word_count, a.body
          FROM articled.articles a
         CROSS JOIN q
         CROSS JOIN LATERAL (SELECT websearch_to_tsquery(articled.search_config(a.language), p_query) AS tsq) own
         WHERE a.search @@ q.tsq
           AND a.search @@ own.tsq
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

COMMENT ON FUNCTION articled.search_query(text, text) IS 'The websearch_to_tsquery of p_query in the configuration of p_language, or in every configuration articled indexes with, OR-ed.';
COMMENT ON FUNCTION articled.search(text, text, integer) IS 'Full-text search over indexed articles (web-search syntax), best first: SELECT * FROM articled.search(''iron dome'').';

-- Existing views: the columns they left without a comment.
COMMENT ON COLUMN articled.daily_counts.publisher IS 'Publisher of the articles; (unknown) when none was found.';
COMMENT ON COLUMN articled.daily_counts.words IS 'Words in those articles.';
COMMENT ON COLUMN articled.ingest_log.file_id IS 'Id of the article_files row.';
COMMENT ON COLUMN articled.ingest_log.received_at IS 'When the file (or NDJSON line) was recorded.';
COMMENT ON COLUMN articled.ingest_log.file_name IS 'Base name of the file.';
COMMENT ON COLUMN articled.ingest_log.path IS 'Path relative to the inbox.';
COMMENT ON COLUMN articled.ingest_log.line_no IS 'NDJSON line number; 0 for whole-file formats.';
COMMENT ON COLUMN articled.ingest_log.size_bytes IS 'File size in bytes.';
COMMENT ON COLUMN articled.ingest_log.article_id IS 'The article the file carried; NULL when rejected.';
COMMENT ON COLUMN articled.ingest_log.title IS 'Headline of that article.';
COMMENT ON COLUMN articled.ingest_log.publisher IS 'Publisher named by the file, else the article''s.';

COMMENT ON VIEW articled.activity_daily IS 'Articles, stories, sightings and words per UTC day, publisher and language; time is the start of the day (published, else first seen).';
COMMENT ON COLUMN articled.activity_daily.time IS 'Start of the UTC day the articles were published (first seen when the date is unknown).';
COMMENT ON COLUMN articled.activity_daily.publisher IS 'Publisher of the articles; (unknown) when none was found.';
COMMENT ON COLUMN articled.activity_daily.language IS 'ISO 639-1 language code.';
COMMENT ON COLUMN articled.activity_daily.articles IS 'Distinct article bodies.';
COMMENT ON COLUMN articled.activity_daily.stories IS 'Articles that started a story (canonical, not a revision or near duplicate).';
COMMENT ON COLUMN articled.activity_daily.sightings IS 'Files that carried those articles.';
COMMENT ON COLUMN articled.activity_daily.words IS 'Words in those articles.';

COMMENT ON VIEW articled.activity_hourly IS 'Articles, stories, sightings and words per UTC hour, publisher and language; time is the start of the hour (published, else first seen).';
COMMENT ON COLUMN articled.activity_hourly.time IS 'Start of the UTC hour the articles were published (first seen when the date is unknown).';
COMMENT ON COLUMN articled.activity_hourly.publisher IS 'Publisher of the articles; (unknown) when none was found.';
COMMENT ON COLUMN articled.activity_hourly.language IS 'ISO 639-1 language code.';
COMMENT ON COLUMN articled.activity_hourly.articles IS 'Distinct article bodies.';
COMMENT ON COLUMN articled.activity_hourly.stories IS 'Articles that started a story (canonical, not a revision or near duplicate).';
COMMENT ON COLUMN articled.activity_hourly.sightings IS 'Files that carried those articles.';
COMMENT ON COLUMN articled.activity_hourly.words IS 'Words in those articles.';

COMMENT ON VIEW articled.sightings_daily IS 'Sightings (files that carried an article) per UTC day they were received, outlet and language.';
COMMENT ON COLUMN articled.sightings_daily.time IS 'Start of the UTC day the files were received.';
COMMENT ON COLUMN articled.sightings_daily.publisher IS 'Outlet named by the file; (unknown) when none.';
COMMENT ON COLUMN articled.sightings_daily.language IS 'ISO 639-1 language of the article.';
COMMENT ON COLUMN articled.sightings_daily.sightings IS 'Files received.';
COMMENT ON COLUMN articled.sightings_daily.articles IS 'Distinct article bodies among them.';
COMMENT ON COLUMN articled.sightings_daily.stories IS 'Distinct stories (clusters) among them.';

COMMENT ON VIEW articled.top_stories IS 'One row per story for ranking: cluster size, outlets, sightings, first and last seen; filter on time (when it broke) for a window, sort by outlets.';
COMMENT ON COLUMN articled.top_stories.time IS 'When the story broke: publication time of its first article, else when that was first seen.';
COMMENT ON COLUMN articled.top_stories.story_id IS 'Id of the canonical (first) article of the story.';
COMMENT ON COLUMN articled.top_stories.title IS 'Headline of the latest revision.';
COMMENT ON COLUMN articled.top_stories.publisher IS 'Publisher of the latest revision.';
COMMENT ON COLUMN articled.top_stories.language IS 'ISO 639-1 language of the latest revision.';
COMMENT ON COLUMN articled.top_stories.url IS 'URL of the latest revision.';
COMMENT ON COLUMN articled.top_stories.cluster_size IS 'Distinct article bodies in the story (revisions and near duplicates).';
COMMENT ON COLUMN articled.top_stories.outlets IS 'Distinct outlets that ran any article of the story.';
COMMENT ON COLUMN articled.top_stories.sightings IS 'Files that carried any article of the story.';
COMMENT ON COLUMN articled.top_stories.revisions IS 'The first article and its revisions (new bodies under the same URL).';
COMMENT ON COLUMN articled.top_stories.near_duplicates IS 'Edited copies of the story (e.g. syndicated wire text).';
COMMENT ON COLUMN articled.top_stories.first_seen_at IS 'When the first article of the story was ingested.';
COMMENT ON COLUMN articled.top_stories.last_seen_at IS 'When any article of the story was last seen.';
COMMENT ON COLUMN articled.top_stories.word_count IS 'Words in the latest revision.';

COMMENT ON VIEW articled.story_timeline IS 'Every event of every story in order (step): each body when first ingested (first_article, revision, near_duplicate) and each file that carried one (sighting).';
COMMENT ON COLUMN articled.story_timeline.story_id IS 'Id of the canonical article of the story.';
COMMENT ON COLUMN articled.story_timeline.step IS 'Order of the event within the story, from 1.';
COMMENT ON COLUMN articled.story_timeline.time IS 'When it happened: body first ingested, or file received.';
COMMENT ON COLUMN articled.story_timeline.event IS 'first_article, revision, near_duplicate or sighting.';
COMMENT ON COLUMN articled.story_timeline.article_id IS 'The article (body) concerned.';
COMMENT ON COLUMN articled.story_timeline.title IS 'Headline of that article.';
COMMENT ON COLUMN articled.story_timeline.publisher IS 'Publisher of the article, or for a sighting the outlet named by the file.';
COMMENT ON COLUMN articled.story_timeline.url IS 'URL of the article, or for a sighting the URL given by the file.';
COMMENT ON COLUMN articled.story_timeline.similarity IS 'For a revision or near duplicate: shingle containment against the article it matched.';

COMMENT ON VIEW articled.article_list IS 'One row per article without body or arrays (authors joined as text): for tables and filters.';
COMMENT ON COLUMN articled.article_list.time IS 'Publication time, else when first seen.';
COMMENT ON COLUMN articled.article_list.article_id IS 'Article id.';
COMMENT ON COLUMN articled.article_list.story_id IS 'Id of the canonical article of its story.';
COMMENT ON COLUMN articled.article_list.match_kind IS 'canonical, near_duplicate or revision.';
COMMENT ON COLUMN articled.article_list.title IS 'Headline.';
COMMENT ON COLUMN articled.article_list.kicker IS 'Section label printed above the headline, if any.';
COMMENT ON COLUMN articled.article_list.dek IS 'Subtitle / standfirst, if any.';
COMMENT ON COLUMN articled.article_list.authors IS 'Byline names, comma-separated (one row per name in article_authors).';
COMMENT ON COLUMN articled.article_list.publisher IS 'Publisher of the first file that carried it.';
COMMENT ON COLUMN articled.article_list.language IS 'ISO 639-1 language code.';
COMMENT ON COLUMN articled.article_list.url IS 'Canonical URL when known.';
COMMENT ON COLUMN articled.article_list.dateline IS 'Place of the dateline.';
COMMENT ON COLUMN articled.article_list.published_at IS 'Publication time; NULL when the article gives none.';
COMMENT ON COLUMN articled.article_list.published_at_source IS 'metadata, byline, dateline or caption.';
COMMENT ON COLUMN articled.article_list.format IS 'Input format: text, markdown, json or html.';
COMMENT ON COLUMN articled.article_list.word_count IS 'Words in the body.';
COMMENT ON COLUMN articled.article_list.seen_count IS 'Files that carried this body.';
COMMENT ON COLUMN articled.article_list.first_seen_at IS 'When this body was first ingested.';
COMMENT ON COLUMN articled.article_list.last_seen_at IS 'When this body was last seen in any file.';

COMMENT ON VIEW articled.article_authors IS 'One row per byline name per article (articles.authors flattened).';
COMMENT ON COLUMN articled.article_authors.time IS 'Publication time of the article, else when first seen.';
COMMENT ON COLUMN articled.article_authors.article_id IS 'The article.';
COMMENT ON COLUMN articled.article_authors.story_id IS 'Id of the canonical article of its story.';
COMMENT ON COLUMN articled.article_authors.position IS 'Order in the byline, from 1.';
COMMENT ON COLUMN articled.article_authors.author IS 'Byline name.';
COMMENT ON COLUMN articled.article_authors.publisher IS 'Publisher of the article.';
COMMENT ON COLUMN articled.article_authors.language IS 'ISO 639-1 language of the article.';
COMMENT ON COLUMN articled.article_authors.title IS 'Headline of the article.';

COMMENT ON VIEW articled.captions IS 'One row per photo caption, with its article''s time, publisher and headline.';
COMMENT ON COLUMN articled.captions.time IS 'Publication time of the article, else when first seen.';
COMMENT ON COLUMN articled.captions.article_id IS 'The article.';
COMMENT ON COLUMN articled.captions.story_id IS 'Id of the canonical article of its story.';
COMMENT ON COLUMN articled.captions.position IS 'Order in the article, from 1.';
COMMENT ON COLUMN articled.captions.text IS 'Caption text without the credit.';
COMMENT ON COLUMN articled.captions.credit IS 'Photo credit (e.g. AP Photo/Name).';
COMMENT ON COLUMN articled.captions.publisher IS 'Publisher of the article.';
COMMENT ON COLUMN articled.captions.title IS 'Headline of the article.';

COMMENT ON VIEW articled.quotes IS 'One row per direct quotation, with its article''s time, publisher and headline.';
COMMENT ON COLUMN articled.quotes.time IS 'Publication time of the article, else when first seen.';
COMMENT ON COLUMN articled.quotes.article_id IS 'The article.';
COMMENT ON COLUMN articled.quotes.story_id IS 'Id of the canonical article of its story.';
COMMENT ON COLUMN articled.quotes.position IS 'Order in the article, from 1.';
COMMENT ON COLUMN articled.quotes.text IS 'The quoted words.';
COMMENT ON COLUMN articled.quotes.speaker IS 'Who said it; NULL when the text does not make it clear.';
COMMENT ON COLUMN articled.quotes.publisher IS 'Publisher of the article.';
COMMENT ON COLUMN articled.quotes.title IS 'Headline of the article.';

COMMENT ON VIEW articled.authors IS 'One row per byline name: articles, stories and publishers, first and last article.';
COMMENT ON COLUMN articled.authors.author IS 'Byline name, as written.';
COMMENT ON COLUMN articled.authors.articles IS 'Articles (distinct bodies) with this name in the byline.';
COMMENT ON COLUMN articled.authors.stories IS 'Distinct stories among them.';
COMMENT ON COLUMN articled.authors.publishers IS 'Distinct publishers of those articles.';
COMMENT ON COLUMN articled.authors.publisher_names IS 'Those publishers, comma-separated.';
COMMENT ON COLUMN articled.authors.first_article_at IS 'Earliest article (published, else first seen).';
COMMENT ON COLUMN articled.authors.last_article_at IS 'Latest article (published, else first seen).';
COMMENT ON COLUMN articled.authors.words IS 'Words in those articles.';

COMMENT ON VIEW articled.publishers IS 'One row per outlet: articles it ran (its sightings), stories, languages, first and last seen.';
COMMENT ON COLUMN articled.publishers.publisher IS 'Outlet named by the files; (unknown) when none.';
COMMENT ON COLUMN articled.publishers.articles IS 'Distinct article bodies it ran, syndicated ones included.';
COMMENT ON COLUMN articled.publishers.stories IS 'Distinct stories among them.';
COMMENT ON COLUMN articled.publishers.sightings IS 'Files naming this outlet that carried an article.';
COMMENT ON COLUMN articled.publishers.languages IS 'Distinct languages of those articles.';
COMMENT ON COLUMN articled.publishers.original_articles IS 'Articles whose first file named this outlet (not picked up from another).';
COMMENT ON COLUMN articled.publishers.first_seen_at IS 'When a file of this outlet was first received.';
COMMENT ON COLUMN articled.publishers.last_seen_at IS 'When a file of this outlet was last received.';
COMMENT ON COLUMN articled.publishers.last_published_at IS 'Latest publication time among its articles.';

-- Everything in the schema is readable by the BI role, and default privileges make whatever a later
-- migration creates (as the same owner) readable too, so a new view cannot be forgotten. Functions,
-- articled.search included, are executable by PUBLIC as PostgreSQL makes them.
DO $$
BEGIN
    GRANT USAGE ON SCHEMA articled TO articled_reader;
    GRANT SELECT ON ALL TABLES IN SCHEMA articled TO articled_reader;
    ALTER DEFAULT PRIVILEGES IN SCHEMA articled GRANT SELECT ON TABLES TO articled_reader;
EXCEPTION WHEN insufficient_privilege OR undefined_object THEN
    RAISE NOTICE 'articled: could not grant SELECT on schema articled to articled_reader; grant it yourself';
END $$;
