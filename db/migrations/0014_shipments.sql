CREATE TABLE `shipment_lines` (
	`shipment_id` text NOT NULL,
	`order_line_id` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`shipment_id`, `order_line_id`),
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shipment_lines_quantity_check" CHECK("shipment_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `shipment_lines_line_idx` ON `shipment_lines` (`order_line_id`);--> statement-breakpoint
ALTER TABLE `shipments` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `shipments` ADD `idempotency_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_order_key_idx` ON `shipments` (`order_id`,`idempotency_key`);