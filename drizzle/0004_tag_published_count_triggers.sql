-- tags.published_count follows article_tags.published_at (non-null while the article is
-- published), so tag lists and the navigation read a number instead of counting article_tags.
-- article_tags_fill_published sets published_at by an UPDATE right after each insert, so the
-- update trigger does most of the counting.
CREATE TRIGGER article_tags_count_insert AFTER INSERT ON article_tags WHEN new.published_at IS NOT NULL BEGIN
  UPDATE tags SET published_count = published_count + 1 WHERE id = new.tag_id;
END;
--> statement-breakpoint
CREATE TRIGGER article_tags_count_update AFTER UPDATE OF published_at, tag_id ON article_tags
WHEN (old.published_at IS NULL) <> (new.published_at IS NULL) OR old.tag_id <> new.tag_id BEGIN
  UPDATE tags SET published_count = published_count - 1 WHERE id = old.tag_id AND old.published_at IS NOT NULL;
  UPDATE tags SET published_count = published_count + 1 WHERE id = new.tag_id AND new.published_at IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER article_tags_count_delete AFTER DELETE ON article_tags WHEN old.published_at IS NOT NULL BEGIN
  UPDATE tags SET published_count = published_count - 1 WHERE id = old.tag_id;
END;
--> statement-breakpoint
UPDATE tags SET published_count = (
  SELECT count(*) FROM article_tags x WHERE x.tag_id = tags.id AND x.published_at IS NOT NULL
);
