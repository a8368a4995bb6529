CREATE TABLE `checkouts` (
	`id` text PRIMARY KEY NOT NULL,
	`cart_id` text NOT NULL,
	`customer_id` text,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`email` text,
	`shipping_address` text,
	`shipping_method` text,
	`payment_provider` text,
	`attempt` integer DEFAULT 0 NOT NULL,
	`lines` text,
	`subtotal_amount` integer,
	`discount_amount` integer,
	`shipping_amount` integer,
	`tax_amount` integer,
	`total_amount` integer,
	`hold_expires_at` integer,
	`payment_ref` text,
	`payment_key` text,
	`payment_error` text,
	`order_id` text,
	`order_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "checkouts_total_check" CHECK("checkouts"."total_amount" is null or "checkouts"."total_amount" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkouts_open_cart_idx` ON `checkouts` (`cart_id`) WHERE "checkouts"."status" in ('open', 'paying');--> statement-breakpoint
CREATE INDEX `checkouts_payment_ref_idx` ON `checkouts` (`payment_provider`,`payment_ref`);--> statement-breakpoint
CREATE INDEX `checkouts_status_updated_idx` ON `checkouts` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `test_gateway_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`card` text NOT NULL,
	`reference` text NOT NULL,
	`refunded_amount` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "test_gateway_payments_amount_check" CHECK("test_gateway_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `test_gateway_payments_idempotency_key_unique` ON `test_gateway_payments` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `stock_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`available` integer NOT NULL,
	`threshold` integer NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`notified_at` integer
);
--> statement-breakpoint
CREATE INDEX `stock_alerts_open_idx` ON `stock_alerts` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `stock_alerts_sku_idx` ON `stock_alerts` (`sku`,`created_at`);--> statement-breakpoint
CREATE TABLE `payment_events` (
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`type` text NOT NULL,
	`payment_ref` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `event_id`)
);
--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`seq` integer,
	`delta` integer NOT NULL,
	`reserved_delta` integer DEFAULT 0 NOT NULL,
	`on_hand_after` integer,
	`reserved_after` integer,
	`reason` text NOT NULL,
	`reference` text,
	`staff_id` text,
	`note` text,
	`created_at` integer NOT NULL,
	CONSTRAINT "stock_movements_reason_check" CHECK("__new_stock_movements"."reason" in ('sale', 'restock', 'adjustment', 'return', 'correction', 'opening', 'hold', 'release', 'expiry'))
);
--> statement-breakpoint
INSERT INTO `__new_stock_movements`("id", "sku", "delta", "reason", "reference", "staff_id", "note", "created_at") SELECT "id", "sku", "delta", "reason", "reference", "staff_id", "note", "created_at" FROM `stock_movements`;--> statement-breakpoint
DROP TABLE `stock_movements`;--> statement-breakpoint
ALTER TABLE `__new_stock_movements` RENAME TO `stock_movements`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `stock_movements_sku_created_idx` ON `stock_movements` (`sku`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `stock_movements_sku_seq_idx` ON `stock_movements` (`sku`,`seq`);--> statement-breakpoint
CREATE INDEX `stock_movements_reference_idx` ON `stock_movements` (`reference`);--> statement-breakpoint
DROP INDEX `payments_provider_ref_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_provider_ref_idx` ON `payments` (`provider`,`provider_ref`);--> statement-breakpoint
ALTER TABLE `inventory_levels` ADD `ledger_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `checkout_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `access_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_checkout_idx` ON `orders` (`checkout_id`);--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express these): orders and payments get their status and amount guards as
-- triggers, because adding a CHECK would rebuild the tables, and dropping `orders` cascades to its lines.
CREATE TRIGGER orders_guard_insert BEFORE INSERT ON orders
WHEN NEW.status NOT IN ('pending', 'processing', 'shipped', 'delivered', 'cancelled', 'return_requested', 'returned', 'partially_refunded', 'refunded')
  OR NEW.subtotal_amount < 0 OR NEW.discount_amount < 0 OR NEW.shipping_amount < 0 OR NEW.tax_amount < 0
BEGIN SELECT RAISE(ABORT, 'orders: unknown status or negative amount'); END;--> statement-breakpoint
CREATE TRIGGER orders_guard_update BEFORE UPDATE OF status, subtotal_amount, discount_amount, shipping_amount, tax_amount ON orders
WHEN NEW.status NOT IN ('pending', 'processing', 'shipped', 'delivered', 'cancelled', 'return_requested', 'returned', 'partially_refunded', 'refunded')
  OR NEW.subtotal_amount < 0 OR NEW.discount_amount < 0 OR NEW.shipping_amount < 0 OR NEW.tax_amount < 0
BEGIN SELECT RAISE(ABORT, 'orders: unknown status or negative amount'); END;--> statement-breakpoint
CREATE TRIGGER payments_guard_insert BEFORE INSERT ON payments
WHEN NEW.amount <= 0 OR NEW.provider NOT IN ('test', 'stripe', 'paypal')
BEGIN SELECT RAISE(ABORT, 'payments: unknown provider or amount not positive'); END;--> statement-breakpoint
-- Order numbers continue after any existing numeric ones.
INSERT INTO counters (name, value)
  SELECT 'order_number', MAX(1000, COALESCE((SELECT MAX(CAST(number AS INTEGER)) FROM orders), 0));