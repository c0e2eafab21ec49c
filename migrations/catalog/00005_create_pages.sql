-- CMS pages. The public reads a page only when it is published and its published_at has come.
-- +goose Up
CREATE TABLE pages (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug         text NOT NULL,
  title        text NOT NULL,
  body         text NOT NULL DEFAULT '',
  status       text NOT NULL DEFAULT 'draft',
  published_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pages_slug_key UNIQUE (slug),
  CONSTRAINT pages_status_check CHECK (status IN ('draft', 'published')),
  CONSTRAINT pages_published_has_date CHECK (status <> 'published' OR published_at IS NOT NULL)
);

CREATE TRIGGER pages_set_updated_at BEFORE UPDATE ON pages
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- +goose Down
DROP TABLE pages;
