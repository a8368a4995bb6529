CREATE TABLE `post_products` (
	`post_id` text NOT NULL,
	`product_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`post_id`, `product_id`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_products_product_idx` ON `post_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `post_tags` (
	`post_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`post_id`, `tag`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_tags_tag_idx` ON `post_tags` (`tag`);--> statement-breakpoint
ALTER TABLE `posts` ADD `cover_url` text;--> statement-breakpoint
ALTER TABLE `posts` ADD `cover_alt` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `seo_title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `seo_description` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Blog posts are on cached shop pages (the blog, the feed, the sitemap): every write bumps the catalog version,
-- as migration 0005 does for the catalog, so the edge cache misses on the next request.
CREATE TRIGGER `posts_version_insert` AFTER INSERT ON `posts` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_version_update` AFTER UPDATE ON `posts` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_version_delete` AFTER DELETE ON `posts` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_tags_version_insert` AFTER INSERT ON `post_tags` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_tags_version_update` AFTER UPDATE ON `post_tags` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_tags_version_delete` AFTER DELETE ON `post_tags` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_products_version_insert` AFTER INSERT ON `post_products` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_products_version_update` AFTER UPDATE ON `post_products` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_products_version_delete` AFTER DELETE ON `post_products` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
