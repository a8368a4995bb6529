CREATE INDEX `orders_email_idx` ON `orders` (`email`);--> statement-breakpoint
CREATE INDEX `orders_ship_name_idx` ON `orders` (lower(json_extract(`shipping_address`, '$.name')));
