-- Tag listings page through article_tags(tag_id, published_at) alone: keep its copy of the
-- article's publication time in step with the article (null unless published).
CREATE TRIGGER article_tags_fill_published AFTER INSERT ON article_tags BEGIN
  UPDATE article_tags SET published_at = (
    SELECT CASE WHEN a.status = 'published' THEN a.published_at END FROM articles a WHERE a.id = new.article_id
  ) WHERE article_id = new.article_id AND tag_id = new.tag_id;
END;
--> statement-breakpoint
CREATE TRIGGER articles_sync_tag_published AFTER UPDATE OF status, published_at ON articles BEGIN
  UPDATE article_tags SET published_at = CASE WHEN new.status = 'published' THEN new.published_at END
  WHERE article_id = new.id;
END;
--> statement-breakpoint
-- Full-text search over every article (readers' search filters to published ones; the admin's
-- text filter uses the same index). rowid = articles.id.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, dek, body, tags,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, dek, body, tags) VALUES (new.id, new.title, new.dek, new.body, '');
END;
--> statement-breakpoint
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, dek, body ON articles BEGIN
  UPDATE articles_fts SET title = new.title, dek = new.dek, body = new.body WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  DELETE FROM articles_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER article_tags_fts_insert AFTER INSERT ON article_tags BEGIN
  UPDATE articles_fts SET tags = (
    SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags x JOIN tags t ON t.id = x.tag_id
    WHERE x.article_id = new.article_id
  ) WHERE rowid = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER article_tags_fts_delete AFTER DELETE ON article_tags BEGIN
  UPDATE articles_fts SET tags = (
    SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags x JOIN tags t ON t.id = x.tag_id
    WHERE x.article_id = old.article_id
  ) WHERE rowid = old.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN
  UPDATE articles_fts SET tags = (
    SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags x JOIN tags t ON t.id = x.tag_id
    WHERE x.article_id = articles_fts.rowid
  ) WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = new.id);
END;
