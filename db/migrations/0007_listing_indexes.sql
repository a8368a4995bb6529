CREATE INDEX `products_listing_idx` ON `products` (`status`,`category_id`,`in_stock`,`rating_avg`,`price_min`,`id`);--> statement-breakpoint
CREATE INDEX `products_featured_idx` ON `products` (`status`,`featured_rank`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `products_rating_idx` ON `products` (`status`,`rating_avg`,`review_count`,`id`);