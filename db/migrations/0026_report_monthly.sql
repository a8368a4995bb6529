CREATE TABLE `report_traffic_monthly` (
	`month` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `dimension`, `value`)
);
--> statement-breakpoint
CREATE TABLE `report_country_monthly` (
	`month` text NOT NULL,
	`country` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`net` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `country`, `region`)
);
--> statement-breakpoint
CREATE TABLE `report_product_monthly` (
	`month` text NOT NULL,
	`sku` text NOT NULL,
	`product_id` text,
	`units` integer DEFAULT 0 NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`discounts` integer DEFAULT 0 NOT NULL,
	`refunded_units` integer DEFAULT 0 NOT NULL,
	`refunded` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `sku`)
);
--> statement-breakpoint
-- Hand-written: the triggers that keep each monthly rollup equal to the sum of its daily rows (an insert adds the
-- row to its month, an update moves the month by the difference, a delete takes the row out and drops a month row
-- left all zero), then each monthly table filled from the daily rows already there.
CREATE TRIGGER report_product_month_insert AFTER INSERT ON report_product_daily BEGIN
  INSERT INTO report_product_monthly (month, sku, product_id, units, gross, discounts, refunded_units, refunded)
  VALUES (substr(NEW.day, 1, 7), NEW.sku, NEW.product_id, NEW.units, NEW.gross, NEW.discounts, NEW.refunded_units, NEW.refunded)
  ON CONFLICT(month, sku) DO UPDATE SET units = units + excluded.units, gross = gross + excluded.gross, discounts = discounts + excluded.discounts, refunded_units = refunded_units + excluded.refunded_units, refunded = refunded + excluded.refunded, product_id = coalesce(excluded.product_id, product_id);
END;
--> statement-breakpoint
CREATE TRIGGER report_product_month_update AFTER UPDATE ON report_product_daily BEGIN
  UPDATE report_product_monthly SET units = units + NEW.units - OLD.units, gross = gross + NEW.gross - OLD.gross, discounts = discounts + NEW.discounts - OLD.discounts, refunded_units = refunded_units + NEW.refunded_units - OLD.refunded_units, refunded = refunded + NEW.refunded - OLD.refunded, product_id = coalesce(NEW.product_id, product_id)
  WHERE month = substr(NEW.day, 1, 7) AND sku = NEW.sku;
END;
--> statement-breakpoint
CREATE TRIGGER report_product_month_delete AFTER DELETE ON report_product_daily BEGIN
  UPDATE report_product_monthly SET units = units - OLD.units, gross = gross - OLD.gross, discounts = discounts - OLD.discounts, refunded_units = refunded_units - OLD.refunded_units, refunded = refunded - OLD.refunded
  WHERE month = substr(OLD.day, 1, 7) AND sku = OLD.sku;
  DELETE FROM report_product_monthly WHERE month = substr(OLD.day, 1, 7) AND sku = OLD.sku AND units = 0 AND gross = 0 AND discounts = 0 AND refunded_units = 0 AND refunded = 0;
END;
--> statement-breakpoint
INSERT INTO report_product_monthly (month, sku, product_id, units, gross, discounts, refunded_units, refunded)
SELECT substr(day, 1, 7), sku, max(product_id), sum(units), sum(gross), sum(discounts), sum(refunded_units), sum(refunded)
FROM report_product_daily GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER report_country_month_insert AFTER INSERT ON report_country_daily BEGIN
  INSERT INTO report_country_monthly (month, country, region, orders, net, total)
  VALUES (substr(NEW.day, 1, 7), NEW.country, NEW.region, NEW.orders, NEW.net, NEW.total)
  ON CONFLICT(month, country, region) DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, total = total + excluded.total;
END;
--> statement-breakpoint
CREATE TRIGGER report_country_month_update AFTER UPDATE ON report_country_daily BEGIN
  UPDATE report_country_monthly SET orders = orders + NEW.orders - OLD.orders, net = net + NEW.net - OLD.net, total = total + NEW.total - OLD.total
  WHERE month = substr(NEW.day, 1, 7) AND country = NEW.country AND region = NEW.region;
END;
--> statement-breakpoint
CREATE TRIGGER report_country_month_delete AFTER DELETE ON report_country_daily BEGIN
  UPDATE report_country_monthly SET orders = orders - OLD.orders, net = net - OLD.net, total = total - OLD.total
  WHERE month = substr(OLD.day, 1, 7) AND country = OLD.country AND region = OLD.region;
  DELETE FROM report_country_monthly WHERE month = substr(OLD.day, 1, 7) AND country = OLD.country AND region = OLD.region AND orders = 0 AND net = 0 AND total = 0;
END;
--> statement-breakpoint
INSERT INTO report_country_monthly (month, country, region, orders, net, total)
SELECT substr(day, 1, 7), country, region, sum(orders), sum(net), sum(total)
FROM report_country_daily GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER report_traffic_month_insert AFTER INSERT ON report_traffic_daily BEGIN
  INSERT INTO report_traffic_monthly (month, dimension, value, views, visitors)
  VALUES (substr(NEW.day, 1, 7), NEW.dimension, NEW.value, NEW.views, NEW.visitors)
  ON CONFLICT(month, dimension, value) DO UPDATE SET views = views + excluded.views, visitors = visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER report_traffic_month_update AFTER UPDATE ON report_traffic_daily BEGIN
  UPDATE report_traffic_monthly SET views = views + NEW.views - OLD.views, visitors = visitors + NEW.visitors - OLD.visitors
  WHERE month = substr(NEW.day, 1, 7) AND dimension = NEW.dimension AND value = NEW.value;
END;
--> statement-breakpoint
CREATE TRIGGER report_traffic_month_delete AFTER DELETE ON report_traffic_daily BEGIN
  UPDATE report_traffic_monthly SET views = views - OLD.views, visitors = visitors - OLD.visitors
  WHERE month = substr(OLD.day, 1, 7) AND dimension = OLD.dimension AND value = OLD.value;
  DELETE FROM report_traffic_monthly WHERE month = substr(OLD.day, 1, 7) AND dimension = OLD.dimension AND value = OLD.value AND views = 0 AND visitors = 0;
END;
--> statement-breakpoint
INSERT INTO report_traffic_monthly (month, dimension, value, views, visitors)
SELECT substr(day, 1, 7), dimension, value, sum(views), sum(visitors)
FROM report_traffic_daily GROUP BY 1, 2, 3;
