DROP INDEX `product_variants_size_idx`;--> statement-breakpoint
DROP INDEX `product_variants_colour_idx`;--> statement-breakpoint
CREATE INDEX `product_variants_size_colour_idx` ON `product_variants` (`size`,`colour`,`product_id`);--> statement-breakpoint
CREATE INDEX `product_variants_colour_size_idx` ON `product_variants` (`colour`,`size`,`product_id`);