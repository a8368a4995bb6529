ALTER TABLE `inventory_levels` ADD `bin_location` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `picked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `packed_at` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `packed_by` text;--> statement-breakpoint
CREATE INDEX `orders_fulfil_queue_idx` ON `orders` (`placed_at`,`id`) WHERE status IN ('pending', 'processing');