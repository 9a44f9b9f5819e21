ALTER TABLE `tags` ADD `published_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `tags_published_count_idx` ON `tags` (`published_count`);