-- Lines that recur verbatim in many articles of one publisher are that publisher's boilerplate,
-- even when no rule names them. Counted per distinct article as articles arrive.
CREATE TABLE articled.learned_lines (
    publisher     text NOT NULL,
    fingerprint   bigint NOT NULL,
    articles      integer NOT NULL DEFAULT 1 CHECK (articles >= 1),
    sample        text NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (publisher, fingerprint)
);
CREATE INDEX learned_lines_articles_idx ON articled.learned_lines (articles);

COMMENT ON TABLE articled.learned_lines IS 'Body lines seen per publisher; those in enough distinct articles are removed as boilerplate from later ones.';
COMMENT ON COLUMN articled.learned_lines.publisher IS 'Publisher the line belongs to.';
COMMENT ON COLUMN articled.learned_lines.fingerprint IS 'Stable 64-bit fingerprint of the case- and whitespace-folded line.';
COMMENT ON COLUMN articled.learned_lines.articles IS 'Distinct articles of this publisher that carried the line.';
COMMENT ON COLUMN articled.learned_lines.sample IS 'The line as first seen (for audit).';

DO $$
BEGIN
    GRANT SELECT ON articled.learned_lines TO articled_reader;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
    NULL;
END $$;
