CREATE TABLE `report_country_daily` (
	`day` text NOT NULL,
	`country` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`net` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `country`, `region`)
);
--> statement-breakpoint
CREATE TABLE `report_product_daily` (
	`day` text NOT NULL,
	`sku` text NOT NULL,
	`product_id` text,
	`units` integer DEFAULT 0 NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`discounts` integer DEFAULT 0 NOT NULL,
	`refunded_units` integer DEFAULT 0 NOT NULL,
	`refunded` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `sku`)
);
--> statement-breakpoint
CREATE INDEX `report_product_daily_product_idx` ON `report_product_daily` (`product_id`);--> statement-breakpoint
CREATE TABLE `report_promotion_daily` (
	`day` text NOT NULL,
	`promotion_id` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`uses` integer DEFAULT 0 NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `promotion_id`, `code`)
);
--> statement-breakpoint
CREATE TABLE `report_sales_daily` (
	`day` text PRIMARY KEY NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`units` integer DEFAULT 0 NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`discounts` integer DEFAULT 0 NOT NULL,
	`shipping` integer DEFAULT 0 NOT NULL,
	`tax` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`refunds` integer DEFAULT 0 NOT NULL,
	`new_customer_orders` integer DEFAULT 0 NOT NULL,
	`account_orders` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_zone` (
	`id` integer PRIMARY KEY NOT NULL,
	`time_zone` text NOT NULL,
	`rebuilt_at` integer,
	CONSTRAINT "report_zone_single_row" CHECK("report_zone"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `report_zone_offsets` (
	`starts_at` integer PRIMARY KEY NOT NULL,
	`offset_minutes` integer NOT NULL
);--> statement-breakpoint
-- Hand-written: the rollups follow every write of orders, order lines, refunds, refund lines and promotion uses
-- (db/schema/reports.ts says what each counts). A day is the local day in the report time zone: the offset in force
-- at the timestamp, from report_zone_offsets (none: UTC). The rebuild in db/repositories/report-rollups.ts computes
-- the same numbers from the source tables; tests/integration/reports/rollups.test.ts proves they agree.
INSERT INTO `report_zone` (`id`, `time_zone`) VALUES (1, 'UTC');
--> statement-breakpoint
CREATE TRIGGER report_orders_insert AFTER INSERT ON orders BEGIN
  INSERT INTO report_sales_daily (day, orders, gross, discounts, shipping, tax, total, new_customer_orders, account_orders) VALUES (date((NEW.placed_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= NEW.placed_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), 1, NEW.subtotal_amount, NEW.discount_amount, NEW.shipping_amount, NEW.tax_amount, NEW.total_amount, CASE WHEN EXISTS (SELECT 1 FROM orders p WHERE p.id <> NEW.id AND (p.email = NEW.email OR p.customer_id = NEW.customer_id) AND (p.placed_at < NEW.placed_at OR (p.placed_at = NEW.placed_at AND p.id < NEW.id))) THEN 0 ELSE 1 END, NEW.customer_id IS NOT NULL)
    ON CONFLICT(day) DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross, discounts = discounts + excluded.discounts, shipping = shipping + excluded.shipping, tax = tax + excluded.tax, total = total + excluded.total, new_customer_orders = new_customer_orders + excluded.new_customer_orders, account_orders = account_orders + excluded.account_orders;
  INSERT INTO report_country_daily (day, country, region, orders, net, total)
    VALUES (date((NEW.placed_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= NEW.placed_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), coalesce(json_extract(NEW.shipping_address, '$.country'), ''),
      coalesce(json_extract(NEW.shipping_address, '$.region'), ''), 1, NEW.subtotal_amount - NEW.discount_amount, NEW.total_amount)
    ON CONFLICT(day, country, region) DO UPDATE SET orders = orders + 1, net = net + excluded.net, total = total + excluded.total;
END;
--> statement-breakpoint
CREATE TRIGGER report_order_lines_insert AFTER INSERT ON order_lines BEGIN
  INSERT INTO report_product_daily (day, sku, product_id, units, gross, discounts)
    SELECT date((o.placed_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= o.placed_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), NEW.sku, (SELECT v.product_id FROM product_variants v WHERE v.sku = NEW.sku), NEW.quantity, NEW.line_total_amount, NEW.discount_amount
    FROM orders o WHERE o.id = NEW.order_id
    ON CONFLICT(day, sku) DO UPDATE SET units = units + excluded.units, gross = gross + excluded.gross,
      discounts = discounts + excluded.discounts, product_id = coalesce(product_id, excluded.product_id);
  UPDATE report_sales_daily SET units = units + NEW.quantity
    WHERE day = (SELECT date((o.placed_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= o.placed_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch') FROM orders o WHERE o.id = NEW.order_id);
END;
--> statement-breakpoint
CREATE TRIGGER report_refunds_insert AFTER INSERT ON refunds WHEN NEW.status = 'succeeded' BEGIN
  INSERT INTO report_sales_daily (day, refunds) VALUES (date((NEW.created_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= NEW.created_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), NEW.amount)
    ON CONFLICT(day) DO UPDATE SET refunds = refunds + excluded.refunds;
  INSERT INTO report_product_daily (day, sku, product_id, refunded_units, refunded)
    SELECT date((NEW.created_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= NEW.created_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), l.sku, (SELECT v.product_id FROM product_variants v WHERE v.sku = l.sku), rl.quantity,
      ((l.line_total_amount - l.discount_amount) * rl.quantity / l.quantity)
    FROM refund_lines rl JOIN order_lines l ON l.id = rl.line_id WHERE rl.refund_id = NEW.id
    ON CONFLICT(day, sku) DO UPDATE SET refunded_units = refunded_units + excluded.refunded_units,
      refunded = refunded + excluded.refunded;
END;
--> statement-breakpoint
CREATE TRIGGER report_refunds_succeeded AFTER UPDATE OF status ON refunds WHEN NEW.status = 'succeeded' AND OLD.status <> 'succeeded' BEGIN
  INSERT INTO report_sales_daily (day, refunds) VALUES (date((NEW.created_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= NEW.created_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), NEW.amount)
    ON CONFLICT(day) DO UPDATE SET refunds = refunds + excluded.refunds;
  INSERT INTO report_product_daily (day, sku, product_id, refunded_units, refunded)
    SELECT date((NEW.created_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= NEW.created_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), l.sku, (SELECT v.product_id FROM product_variants v WHERE v.sku = l.sku), rl.quantity,
      ((l.line_total_amount - l.discount_amount) * rl.quantity / l.quantity)
    FROM refund_lines rl JOIN order_lines l ON l.id = rl.line_id WHERE rl.refund_id = NEW.id
    ON CONFLICT(day, sku) DO UPDATE SET refunded_units = refunded_units + excluded.refunded_units,
      refunded = refunded + excluded.refunded;
END;
--> statement-breakpoint
CREATE TRIGGER report_refunds_unsucceeded AFTER UPDATE OF status ON refunds WHEN OLD.status = 'succeeded' AND NEW.status <> 'succeeded' BEGIN
  INSERT INTO report_sales_daily (day, refunds) VALUES (date((NEW.created_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= NEW.created_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), -NEW.amount)
    ON CONFLICT(day) DO UPDATE SET refunds = refunds + excluded.refunds;
  INSERT INTO report_product_daily (day, sku, product_id, refunded_units, refunded)
    SELECT date((NEW.created_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= NEW.created_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), l.sku, (SELECT v.product_id FROM product_variants v WHERE v.sku = l.sku), -rl.quantity,
      -((l.line_total_amount - l.discount_amount) * rl.quantity / l.quantity)
    FROM refund_lines rl JOIN order_lines l ON l.id = rl.line_id WHERE rl.refund_id = NEW.id
    ON CONFLICT(day, sku) DO UPDATE SET refunded_units = refunded_units + excluded.refunded_units,
      refunded = refunded + excluded.refunded;
END;
--> statement-breakpoint
CREATE TRIGGER report_refund_lines_insert AFTER INSERT ON refund_lines
  WHEN (SELECT r.status FROM refunds r WHERE r.id = NEW.refund_id) = 'succeeded' BEGIN
  INSERT INTO report_product_daily (day, sku, product_id, refunded_units, refunded)
    SELECT date((r.created_at + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= r.created_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), l.sku, (SELECT v.product_id FROM product_variants v WHERE v.sku = l.sku), NEW.quantity,
      (l.line_total_amount - l.discount_amount) * NEW.quantity / l.quantity
    FROM refunds r JOIN order_lines l ON l.id = NEW.line_id WHERE r.id = NEW.refund_id
    ON CONFLICT(day, sku) DO UPDATE SET refunded_units = refunded_units + excluded.refunded_units,
      refunded = refunded + excluded.refunded;
END;
--> statement-breakpoint
CREATE TRIGGER report_promotion_uses_insert AFTER INSERT ON promotion_uses WHEN NEW.state = 'confirmed' BEGIN
  INSERT INTO report_promotion_daily (day, promotion_id, code, uses, discount, revenue)
    VALUES (date((coalesce(NEW.confirmed_at, NEW.created_at) + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= coalesce(NEW.confirmed_at, NEW.created_at) ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), NEW.promotion_id, coalesce(NEW.code, ''), 1, NEW.discount_amount,
      coalesce((SELECT o.total_amount FROM orders o WHERE o.id = NEW.order_id), 0))
    ON CONFLICT(day, promotion_id, code) DO UPDATE SET uses = uses + excluded.uses,
      discount = discount + excluded.discount, revenue = revenue + excluded.revenue;
END;
--> statement-breakpoint
CREATE TRIGGER report_promotion_uses_confirmed AFTER UPDATE OF state ON promotion_uses WHEN NEW.state = 'confirmed' AND OLD.state <> 'confirmed' BEGIN
  INSERT INTO report_promotion_daily (day, promotion_id, code, uses, discount, revenue)
    VALUES (date((coalesce(NEW.confirmed_at, NEW.created_at) + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= coalesce(NEW.confirmed_at, NEW.created_at) ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), NEW.promotion_id, coalesce(NEW.code, ''), 1, NEW.discount_amount,
      coalesce((SELECT o.total_amount FROM orders o WHERE o.id = NEW.order_id), 0))
    ON CONFLICT(day, promotion_id, code) DO UPDATE SET uses = uses + excluded.uses,
      discount = discount + excluded.discount, revenue = revenue + excluded.revenue;
END;
--> statement-breakpoint
CREATE TRIGGER report_promotion_uses_unconfirmed AFTER UPDATE OF state ON promotion_uses WHEN OLD.state = 'confirmed' AND NEW.state <> 'confirmed' BEGIN
  INSERT INTO report_promotion_daily (day, promotion_id, code, uses, discount, revenue)
    VALUES (date((coalesce(NEW.confirmed_at, NEW.created_at) + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z WHERE z.starts_at <= coalesce(NEW.confirmed_at, NEW.created_at) ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch'), NEW.promotion_id, coalesce(NEW.code, ''), -1, -NEW.discount_amount,
      -coalesce((SELECT o.total_amount FROM orders o WHERE o.id = NEW.order_id), 0))
    ON CONFLICT(day, promotion_id, code) DO UPDATE SET uses = uses + excluded.uses,
      discount = discount + excluded.discount, revenue = revenue + excluded.revenue;
END;
