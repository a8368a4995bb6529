CREATE TABLE `return_lines` (
	`return_id` text NOT NULL,
	`order_line_id` text NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`restocked` integer,
	`damaged` integer,
	`missing` integer,
	PRIMARY KEY(`return_id`, `order_line_id`),
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "return_lines_quantity_check" CHECK("return_lines"."quantity" > 0),
	CONSTRAINT "return_lines_receipt_check" CHECK(coalesce("return_lines"."restocked", 0) + coalesce("return_lines"."damaged", 0) + coalesce("return_lines"."missing", 0) <= "return_lines"."quantity")
);
--> statement-breakpoint
CREATE INDEX `return_lines_line_idx` ON `return_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`reason_summary` text NOT NULL,
	`customer_note` text,
	`decision_reason` text,
	`requested_by` text,
	`requested_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`received_by` text,
	`received_at` integer,
	`idempotency_key` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `returns_order_idx` ON `returns` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `returns_number_idx` ON `returns` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `returns_order_key_idx` ON `returns` (`order_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `returns_status_idx` ON `returns` (`status`,`requested_at`);--> statement-breakpoint
ALTER TABLE `store_settings` ADD `return_window_days` integer DEFAULT 30 NOT NULL;