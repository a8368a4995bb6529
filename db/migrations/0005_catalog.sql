CREATE TABLE `collections` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`featured` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collections_slug_unique` ON `collections` (`slug`);--> statement-breakpoint
CREATE INDEX `collections_featured_position_idx` ON `collections` (`featured`,`position`);--> statement-breakpoint
CREATE TABLE `product_collections` (
	`collection_id` text NOT NULL,
	`product_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`collection_id`, `product_id`),
	FOREIGN KEY (`collection_id`) REFERENCES `collections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_collections_product_idx` ON `product_collections` (`product_id`);--> statement-breakpoint
CREATE INDEX `product_collections_position_idx` ON `product_collections` (`collection_id`,`position`);--> statement-breakpoint
CREATE TABLE `product_options` (
	`product_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`values` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`product_id`, `position`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `catalog_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `categories` ADD `parent_id` text REFERENCES categories(id);--> statement-breakpoint
CREATE INDEX `categories_parent_idx` ON `categories` (`parent_id`);--> statement-breakpoint
ALTER TABLE `product_images` ADD `width` integer;--> statement-breakpoint
ALTER TABLE `product_images` ADD `height` integer;--> statement-breakpoint
ALTER TABLE `product_images` ADD `storage_key` text;--> statement-breakpoint
ALTER TABLE `product_variants` ADD `options` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `product_variants` ADD `barcode` text;--> statement-breakpoint
ALTER TABLE `product_variants` ADD `image_id` text;--> statement-breakpoint
CREATE INDEX `product_variants_size_idx` ON `product_variants` (`size`,`product_id`);--> statement-breakpoint
CREATE INDEX `product_variants_colour_idx` ON `product_variants` (`colour`,`product_id`);--> statement-breakpoint
ALTER TABLE `products` ADD `tags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `attributes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `seo_title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `seo_description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `price_min` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `rating_avg` real;--> statement-breakpoint
ALTER TABLE `products` ADD `review_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `in_stock` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `products_status_price_idx` ON `products` (`status`,`price_min`);--> statement-breakpoint
ALTER TABLE `reviews` ADD `verified_purchase` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `moderation_note` text;--> statement-breakpoint
ALTER TABLE `reviews` ADD `moderated_by` text;--> statement-breakpoint
ALTER TABLE `reviews` ADD `moderated_at` integer;--> statement-breakpoint
ALTER TABLE `reviews` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `reviews_status_created_idx` ON `reviews` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_product_customer_unique` ON `reviews` (`product_id`,`customer_id`);--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `staff_id` text;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `note` text;--> statement-breakpoint
-- Hand-written below (drizzle-kit has no triggers). Existing variants get their options as JSON and their
-- products the option types those imply (Size first, then Colour).
UPDATE `product_variants` SET `options` = CASE
	WHEN `size` IS NOT NULL AND `colour` IS NOT NULL THEN json_object('Size', `size`, 'Colour', `colour`)
	WHEN `size` IS NOT NULL THEN json_object('Size', `size`)
	WHEN `colour` IS NOT NULL THEN json_object('Colour', `colour`)
	ELSE '{}' END;
--> statement-breakpoint
INSERT INTO `product_options` (`product_id`, `position`, `name`, `values`)
SELECT `product_id`, 0, 'Size', json_group_array(`size`) FROM (
	SELECT `product_id`, `size`, min(`position`) AS `first` FROM `product_variants` WHERE `size` IS NOT NULL
	GROUP BY `product_id`, `size` ORDER BY `product_id`, `first`
) GROUP BY `product_id`;
--> statement-breakpoint
INSERT INTO `product_options` (`product_id`, `position`, `name`, `values`)
SELECT `product_id`,
	(SELECT count(*) FROM `product_options` o WHERE o.`product_id` = x.`product_id`),
	'Colour', json_group_array(`colour`) FROM (
	SELECT `product_id`, `colour`, min(`position`) AS `first` FROM `product_variants` WHERE `colour` IS NOT NULL
	GROUP BY `product_id`, `colour` ORDER BY `product_id`, `first`
) x GROUP BY `product_id`;
--> statement-breakpoint
-- Denormalised listing columns: cheapest price and stock (from variants and the stock mirror), rating (from
-- published reviews). Backfilled here, then kept by the triggers below on every write, whoever makes it.
UPDATE `products` SET
	`price_min` = (SELECT min(v.`price_amount`) FROM `product_variants` v WHERE v.`product_id` = `products`.`id`),
	`in_stock` = EXISTS (SELECT 1 FROM `product_variants` v JOIN `inventory_levels` l ON l.`sku` = v.`sku`
		WHERE v.`product_id` = `products`.`id` AND l.`on_hand` > 0),
	`rating_avg` = (SELECT avg(r.`rating`) FROM `reviews` r WHERE r.`product_id` = `products`.`id` AND r.`status` = 'published'),
	`review_count` = (SELECT count(*) FROM `reviews` r WHERE r.`product_id` = `products`.`id` AND r.`status` = 'published');
--> statement-breakpoint
CREATE TRIGGER `variants_listing_insert` AFTER INSERT ON `product_variants` BEGIN
	UPDATE `products` SET
		`price_min` = (SELECT min(v.`price_amount`) FROM `product_variants` v WHERE v.`product_id` = new.`product_id`),
		`in_stock` = EXISTS (SELECT 1 FROM `product_variants` v JOIN `inventory_levels` l ON l.`sku` = v.`sku`
			WHERE v.`product_id` = new.`product_id` AND l.`on_hand` > 0)
	WHERE `id` = new.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `variants_listing_update` AFTER UPDATE OF `price_amount`, `product_id`, `sku` ON `product_variants` BEGIN
	UPDATE `products` SET
		`price_min` = (SELECT min(v.`price_amount`) FROM `product_variants` v WHERE v.`product_id` = `products`.`id`),
		`in_stock` = EXISTS (SELECT 1 FROM `product_variants` v JOIN `inventory_levels` l ON l.`sku` = v.`sku`
			WHERE v.`product_id` = `products`.`id` AND l.`on_hand` > 0)
	WHERE `id` IN (old.`product_id`, new.`product_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `variants_listing_delete` AFTER DELETE ON `product_variants` BEGIN
	UPDATE `products` SET
		`price_min` = (SELECT min(v.`price_amount`) FROM `product_variants` v WHERE v.`product_id` = old.`product_id`),
		`in_stock` = EXISTS (SELECT 1 FROM `product_variants` v JOIN `inventory_levels` l ON l.`sku` = v.`sku`
			WHERE v.`product_id` = old.`product_id` AND l.`on_hand` > 0)
	WHERE `id` = old.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stock_listing_insert` AFTER INSERT ON `inventory_levels` BEGIN
	UPDATE `products` SET `in_stock` = EXISTS (SELECT 1 FROM `product_variants` v JOIN `inventory_levels` l
		ON l.`sku` = v.`sku` WHERE v.`product_id` = `products`.`id` AND l.`on_hand` > 0)
	WHERE `id` IN (SELECT `product_id` FROM `product_variants` WHERE `sku` = new.`sku`);
END;
--> statement-breakpoint
CREATE TRIGGER `stock_listing_update` AFTER UPDATE OF `on_hand` ON `inventory_levels`
WHEN (old.`on_hand` > 0) <> (new.`on_hand` > 0) BEGIN
	UPDATE `products` SET `in_stock` = EXISTS (SELECT 1 FROM `product_variants` v JOIN `inventory_levels` l
		ON l.`sku` = v.`sku` WHERE v.`product_id` = `products`.`id` AND l.`on_hand` > 0)
	WHERE `id` IN (SELECT `product_id` FROM `product_variants` WHERE `sku` = new.`sku`);
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_listing_insert` AFTER INSERT ON `reviews` WHEN new.`status` = 'published' BEGIN
	UPDATE `products` SET
		`rating_avg` = (SELECT avg(r.`rating`) FROM `reviews` r WHERE r.`product_id` = new.`product_id` AND r.`status` = 'published'),
		`review_count` = (SELECT count(*) FROM `reviews` r WHERE r.`product_id` = new.`product_id` AND r.`status` = 'published')
	WHERE `id` = new.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_listing_update` AFTER UPDATE OF `status`, `rating` ON `reviews` BEGIN
	UPDATE `products` SET
		`rating_avg` = (SELECT avg(r.`rating`) FROM `reviews` r WHERE r.`product_id` = new.`product_id` AND r.`status` = 'published'),
		`review_count` = (SELECT count(*) FROM `reviews` r WHERE r.`product_id` = new.`product_id` AND r.`status` = 'published')
	WHERE `id` = new.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_listing_delete` AFTER DELETE ON `reviews` WHEN old.`status` = 'published' BEGIN
	UPDATE `products` SET
		`rating_avg` = (SELECT avg(r.`rating`) FROM `reviews` r WHERE r.`product_id` = old.`product_id` AND r.`status` = 'published'),
		`review_count` = (SELECT count(*) FROM `reviews` r WHERE r.`product_id` = old.`product_id` AND r.`status` = 'published')
	WHERE `id` = old.`product_id`;
END;
--> statement-breakpoint
-- The catalog version: every write to what shoppers see bumps it (edge cache keys, ETags and the offline snapshot
-- carry it). Stock changes do not: availability is read live, and the products columns the triggers above keep
-- (price_min, in_stock, rating_avg, review_count) only change alongside a write that bumps already, or with stock.
INSERT INTO `catalog_state` (`id`, `version`, `updated_at`) VALUES (1, 1, 0);
--> statement-breakpoint
CREATE TRIGGER `products_version_insert` AFTER INSERT ON `products` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `products_version_update` AFTER UPDATE OF `slug`, `name`, `description`, `category_id`, `status`, `brand`, `featured_rank`, `tags`, `attributes`, `seo_title`, `seo_description`, `updated_at` ON `products` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `products_version_delete` AFTER DELETE ON `products` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_variants_version_insert` AFTER INSERT ON `product_variants` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_variants_version_update` AFTER UPDATE ON `product_variants` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_variants_version_delete` AFTER DELETE ON `product_variants` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_images_version_insert` AFTER INSERT ON `product_images` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_images_version_update` AFTER UPDATE ON `product_images` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_images_version_delete` AFTER DELETE ON `product_images` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_options_version_insert` AFTER INSERT ON `product_options` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_options_version_update` AFTER UPDATE ON `product_options` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_options_version_delete` AFTER DELETE ON `product_options` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `categories_version_insert` AFTER INSERT ON `categories` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `categories_version_update` AFTER UPDATE ON `categories` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `categories_version_delete` AFTER DELETE ON `categories` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `collections_version_insert` AFTER INSERT ON `collections` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `collections_version_update` AFTER UPDATE ON `collections` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `collections_version_delete` AFTER DELETE ON `collections` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_collections_version_insert` AFTER INSERT ON `product_collections` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_collections_version_update` AFTER UPDATE ON `product_collections` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `product_collections_version_delete` AFTER DELETE ON `product_collections` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_version_insert` AFTER INSERT ON `reviews` WHEN new.`status` = 'published' BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_version_update` AFTER UPDATE OF `status`, `rating`, `title`, `body`, `author_name` ON `reviews` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_version_delete` AFTER DELETE ON `reviews` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
