CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `articles_sitemap_idx` ON `articles` (`status`,`id`,`published_at`,`updated_at`,`slug`);