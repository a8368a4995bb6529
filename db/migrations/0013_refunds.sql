CREATE TABLE `test_gateway_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`amount` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `test_gateway_payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `test_gateway_refunds_idempotency_key_unique` ON `test_gateway_refunds` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `refund_lines` (
	`refund_id` text NOT NULL,
	`line_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`restocked` integer NOT NULL,
	PRIMARY KEY(`refund_id`, `line_id`),
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "refund_lines_quantity_check" CHECK("refund_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `refund_lines_line_idx` ON `refund_lines` (`line_id`);--> statement-breakpoint
CREATE INDEX `refunds_provider_ref_idx` ON `refunds` (`provider_ref`);