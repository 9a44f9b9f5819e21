-- counters('published_articles') follows articles.status, so the sitemap index reads a number
-- instead of counting the archive; readers subtract the scheduled ones (few, an index range).
INSERT INTO counters (name, value)
  SELECT 'published_articles', count(*) FROM articles WHERE status = 'published'
  ON CONFLICT (name) DO UPDATE SET value = excluded.value;
--> statement-breakpoint
CREATE TRIGGER articles_count_insert AFTER INSERT ON articles WHEN new.status = 'published' BEGIN
  UPDATE counters SET value = value + 1 WHERE name = 'published_articles';
END;
--> statement-breakpoint
CREATE TRIGGER articles_count_update AFTER UPDATE OF status ON articles
WHEN (old.status = 'published') <> (new.status = 'published') BEGIN
  UPDATE counters SET value = value + CASE WHEN new.status = 'published' THEN 1 ELSE -1 END
   WHERE name = 'published_articles';
END;
--> statement-breakpoint
CREATE TRIGGER articles_count_delete AFTER DELETE ON articles WHEN old.status = 'published' BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'published_articles';
END;
