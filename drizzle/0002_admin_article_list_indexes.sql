CREATE INDEX `articles_published_idx` ON `articles` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_author_updated_idx` ON `articles` (`author_id`,`updated_at`,`id`);