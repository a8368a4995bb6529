CREATE TABLE `report_customer_totals` (
	`customer_key` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`email` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`discounts` integer DEFAULT 0 NOT NULL,
	`refunds` integer DEFAULT 0 NOT NULL,
	`net` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`first_order_at` integer NOT NULL,
	`last_order_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_customer_totals_net_idx` ON `report_customer_totals` ("net" DESC,`customer_key`);--> statement-breakpoint
CREATE INDEX `report_customer_totals_orders_idx` ON `report_customer_totals` (`orders`);--> statement-breakpoint
-- Hand-written: report_customer_totals follows orders and refunds with the rules of 0023's sales triggers (an order
-- counts once placed; a refund counts while it is succeeded: inserted succeeded, confirmed later, or un-succeeded),
-- but per customer for all time instead of per day: an account by its id, a guest by 'guest:' + lower(email). The
-- rebuild in db/repositories/report-rollups.ts computes the same rows; tests/integration/reports/rollups.test.ts
-- proves they agree.
CREATE TRIGGER report_customer_orders_insert AFTER INSERT ON orders BEGIN
  INSERT INTO report_customer_totals (customer_key, customer_id, email, orders, gross, discounts, net, total,
      first_order_at, last_order_at)
    VALUES (coalesce(NEW.customer_id, 'guest:' || lower(NEW.email)), NEW.customer_id, lower(NEW.email), 1,
      NEW.subtotal_amount, NEW.discount_amount, NEW.subtotal_amount - NEW.discount_amount, NEW.total_amount,
      NEW.placed_at, NEW.placed_at)
    ON CONFLICT(customer_key) DO UPDATE SET orders = orders + 1, gross = gross + excluded.gross,
      discounts = discounts + excluded.discounts, net = net + excluded.net, total = total + excluded.total,
      email = CASE WHEN excluded.last_order_at > last_order_at
        OR (excluded.last_order_at = last_order_at AND excluded.email > email) THEN excluded.email ELSE email END,
      first_order_at = min(first_order_at, excluded.first_order_at),
      last_order_at = max(last_order_at, excluded.last_order_at);
END;
--> statement-breakpoint
CREATE TRIGGER report_customer_refunds_insert AFTER INSERT ON refunds WHEN NEW.status = 'succeeded' BEGIN
  UPDATE report_customer_totals SET refunds = refunds + NEW.amount, net = net - NEW.amount
    WHERE customer_key = (SELECT coalesce(o.customer_id, 'guest:' || lower(o.email)) FROM orders o WHERE o.id = NEW.order_id);
END;
--> statement-breakpoint
CREATE TRIGGER report_customer_refunds_succeeded AFTER UPDATE OF status ON refunds WHEN NEW.status = 'succeeded' AND OLD.status <> 'succeeded' BEGIN
  UPDATE report_customer_totals SET refunds = refunds + NEW.amount, net = net - NEW.amount
    WHERE customer_key = (SELECT coalesce(o.customer_id, 'guest:' || lower(o.email)) FROM orders o WHERE o.id = NEW.order_id);
END;
--> statement-breakpoint
CREATE TRIGGER report_customer_refunds_unsucceeded AFTER UPDATE OF status ON refunds WHEN OLD.status = 'succeeded' AND NEW.status <> 'succeeded' BEGIN
  UPDATE report_customer_totals SET refunds = refunds - NEW.amount, net = net + NEW.amount
    WHERE customer_key = (SELECT coalesce(o.customer_id, 'guest:' || lower(o.email)) FROM orders o WHERE o.id = NEW.order_id);
END;
--> statement-breakpoint
-- Stores upgraded with orders already placed: their report zone was rebuilt once already (ensureRollups will not run
-- again), so the new table is filled here, from the orders and refunds so far, with the rebuild's own statement.
INSERT INTO report_customer_totals (customer_key, customer_id, email, orders, gross, discounts, refunds, net, total,
    first_order_at, last_order_at)
  SELECT coalesce(o.customer_id, 'guest:' || lower(o.email)), o.customer_id,
    CASE WHEN o.customer_id IS NULL THEN lower(o.email) ELSE (SELECT lower(p.email) FROM orders p
      WHERE p.customer_id = o.customer_id ORDER BY p.placed_at DESC, lower(p.email) DESC LIMIT 1) END,
    count(*), sum(o.subtotal_amount), sum(o.discount_amount), coalesce(sum(r.amount), 0),
    sum(o.subtotal_amount) - sum(o.discount_amount) - coalesce(sum(r.amount), 0), sum(o.total_amount),
    min(o.placed_at), max(o.placed_at)
  FROM orders o
  LEFT JOIN (SELECT order_id, sum(amount) AS amount FROM refunds WHERE status = 'succeeded' GROUP BY order_id) r
    ON r.order_id = o.id
  GROUP BY 1;
