CREATE TABLE `shipping_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`zone_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`weight_bands` text DEFAULT '[]' NOT NULL,
	`free_from` integer,
	`currency` text NOT NULL,
	`min_days` integer NOT NULL,
	`max_days` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`zone_id`) REFERENCES `shipping_zones`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shipping_methods_amount_check" CHECK("shipping_methods"."amount" >= 0 AND ("shipping_methods"."free_from" IS NULL OR "shipping_methods"."free_from" >= 0)),
	CONSTRAINT "shipping_methods_days_check" CHECK("shipping_methods"."min_days" >= 0 AND "shipping_methods"."max_days" >= "shipping_methods"."min_days")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipping_methods_zone_code_idx` ON `shipping_methods` (`zone_id`,`code`);--> statement-breakpoint
CREATE INDEX `shipping_methods_zone_idx` ON `shipping_methods` (`zone_id`,`position`);--> statement-breakpoint
CREATE TABLE `shipping_zones` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`countries` text DEFAULT '[]' NOT NULL,
	`rest_of_world` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `store_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`prices_include_tax` integer DEFAULT false NOT NULL,
	`shipping_taxable` integer DEFAULT true NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tax_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`country` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`rate_ppm` integer NOT NULL,
	`name` text NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tax_rates_rate_check" CHECK("tax_rates"."rate_ppm" >= 0 AND "tax_rates"."rate_ppm" <= 1000000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_rates_zone_category_idx` ON `tax_rates` (`country`,`region`,`category`);--> statement-breakpoint
ALTER TABLE `products` ADD `tax_category` text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE `checkouts` ADD `prices_include_tax` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `discount_amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `tax_amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `tax_rate_ppm` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `prices_include_tax` integer DEFAULT false NOT NULL;
--> statement-breakpoint
-- Seed: the store settings row, a realistic set of tax rates (EU VAT standard and reduced, the UK, a few others,
-- US state base rates) and three shipping zones. Administrators edit all of it (/admin/settings/tax, /shipping).
INSERT INTO `store_settings` (`id`, `prices_include_tax`, `shipping_taxable`, `updated_at`) VALUES (1, 0, 1, 0);
--> statement-breakpoint
INSERT INTO `tax_rates` (`id`, `country`, `region`, `category`, `rate_ppm`, `name`) VALUES
  ('txr_at_standard', 'AT', '', 'standard', 200000, 'VAT'),
  ('txr_at_reduced', 'AT', '', 'reduced', 100000, 'VAT'),
  ('txr_be_standard', 'BE', '', 'standard', 210000, 'VAT'),
  ('txr_be_reduced', 'BE', '', 'reduced', 60000, 'VAT'),
  ('txr_bg_standard', 'BG', '', 'standard', 200000, 'VAT'),
  ('txr_bg_reduced', 'BG', '', 'reduced', 90000, 'VAT'),
  ('txr_hr_standard', 'HR', '', 'standard', 250000, 'VAT'),
  ('txr_hr_reduced', 'HR', '', 'reduced', 50000, 'VAT'),
  ('txr_cy_standard', 'CY', '', 'standard', 190000, 'VAT'),
  ('txr_cy_reduced', 'CY', '', 'reduced', 50000, 'VAT'),
  ('txr_cz_standard', 'CZ', '', 'standard', 210000, 'VAT'),
  ('txr_cz_reduced', 'CZ', '', 'reduced', 120000, 'VAT'),
  ('txr_dk_standard', 'DK', '', 'standard', 250000, 'VAT'),
  ('txr_ee_standard', 'EE', '', 'standard', 240000, 'VAT'),
  ('txr_ee_reduced', 'EE', '', 'reduced', 90000, 'VAT'),
  ('txr_fi_standard', 'FI', '', 'standard', 255000, 'VAT'),
  ('txr_fi_reduced', 'FI', '', 'reduced', 140000, 'VAT'),
  ('txr_fr_standard', 'FR', '', 'standard', 200000, 'VAT'),
  ('txr_fr_reduced', 'FR', '', 'reduced', 55000, 'VAT'),
  ('txr_de_standard', 'DE', '', 'standard', 190000, 'VAT'),
  ('txr_de_reduced', 'DE', '', 'reduced', 70000, 'VAT'),
  ('txr_gr_standard', 'GR', '', 'standard', 240000, 'VAT'),
  ('txr_gr_reduced', 'GR', '', 'reduced', 130000, 'VAT'),
  ('txr_hu_standard', 'HU', '', 'standard', 270000, 'VAT'),
  ('txr_hu_reduced', 'HU', '', 'reduced', 50000, 'VAT'),
  ('txr_ie_standard', 'IE', '', 'standard', 230000, 'VAT'),
  ('txr_ie_reduced', 'IE', '', 'reduced', 135000, 'VAT'),
  ('txr_it_standard', 'IT', '', 'standard', 220000, 'VAT'),
  ('txr_it_reduced', 'IT', '', 'reduced', 100000, 'VAT'),
  ('txr_lv_standard', 'LV', '', 'standard', 210000, 'VAT'),
  ('txr_lv_reduced', 'LV', '', 'reduced', 120000, 'VAT'),
  ('txr_lt_standard', 'LT', '', 'standard', 210000, 'VAT'),
  ('txr_lt_reduced', 'LT', '', 'reduced', 90000, 'VAT'),
  ('txr_lu_standard', 'LU', '', 'standard', 170000, 'VAT'),
  ('txr_lu_reduced', 'LU', '', 'reduced', 80000, 'VAT'),
  ('txr_mt_standard', 'MT', '', 'standard', 180000, 'VAT'),
  ('txr_mt_reduced', 'MT', '', 'reduced', 70000, 'VAT'),
  ('txr_nl_standard', 'NL', '', 'standard', 210000, 'VAT'),
  ('txr_nl_reduced', 'NL', '', 'reduced', 90000, 'VAT'),
  ('txr_pl_standard', 'PL', '', 'standard', 230000, 'VAT'),
  ('txr_pl_reduced', 'PL', '', 'reduced', 80000, 'VAT'),
  ('txr_pt_standard', 'PT', '', 'standard', 230000, 'VAT'),
  ('txr_pt_reduced', 'PT', '', 'reduced', 60000, 'VAT'),
  ('txr_ro_standard', 'RO', '', 'standard', 210000, 'VAT'),
  ('txr_ro_reduced', 'RO', '', 'reduced', 110000, 'VAT'),
  ('txr_sk_standard', 'SK', '', 'standard', 230000, 'VAT'),
  ('txr_sk_reduced', 'SK', '', 'reduced', 190000, 'VAT'),
  ('txr_si_standard', 'SI', '', 'standard', 220000, 'VAT'),
  ('txr_si_reduced', 'SI', '', 'reduced', 95000, 'VAT'),
  ('txr_es_standard', 'ES', '', 'standard', 210000, 'VAT'),
  ('txr_es_reduced', 'ES', '', 'reduced', 100000, 'VAT'),
  ('txr_se_standard', 'SE', '', 'standard', 250000, 'VAT'),
  ('txr_se_reduced', 'SE', '', 'reduced', 120000, 'VAT'),
  ('txr_gb_standard', 'GB', '', 'standard', 200000, 'VAT'),
  ('txr_gb_reduced', 'GB', '', 'reduced', 50000, 'VAT'),
  ('txr_no_standard', 'NO', '', 'standard', 250000, 'VAT'),
  ('txr_no_reduced', 'NO', '', 'reduced', 150000, 'VAT'),
  ('txr_ch_standard', 'CH', '', 'standard', 81000, 'VAT'),
  ('txr_ch_reduced', 'CH', '', 'reduced', 26000, 'VAT'),
  ('txr_au_standard', 'AU', '', 'standard', 100000, 'GST'),
  ('txr_nz_standard', 'NZ', '', 'standard', 150000, 'GST'),
  ('txr_jp_standard', 'JP', '', 'standard', 100000, 'Consumption tax'),
  ('txr_jp_reduced', 'JP', '', 'reduced', 80000, 'Consumption tax'),
  ('txr_us_ca_standard', 'US', 'CA', 'standard', 72500, 'Sales tax'),
  ('txr_us_ny_standard', 'US', 'NY', 'standard', 40000, 'Sales tax'),
  ('txr_us_tx_standard', 'US', 'TX', 'standard', 62500, 'Sales tax'),
  ('txr_us_fl_standard', 'US', 'FL', 'standard', 60000, 'Sales tax'),
  ('txr_us_wa_standard', 'US', 'WA', 'standard', 65000, 'Sales tax'),
  ('txr_us_il_standard', 'US', 'IL', 'standard', 62500, 'Sales tax'),
  ('txr_us_pa_standard', 'US', 'PA', 'standard', 60000, 'Sales tax'),
  ('txr_us_ma_standard', 'US', 'MA', 'standard', 62500, 'Sales tax'),
  ('txr_us_ga_standard', 'US', 'GA', 'standard', 40000, 'Sales tax'),
  ('txr_us_co_standard', 'US', 'CO', 'standard', 29000, 'Sales tax'),
  ('txr_us_az_standard', 'US', 'AZ', 'standard', 56000, 'Sales tax'),
  ('txr_us_nj_standard', 'US', 'NJ', 'standard', 66250, 'Sales tax'),
  ('txr_us_mn_standard', 'US', 'MN', 'standard', 68750, 'Sales tax');
--> statement-breakpoint
INSERT INTO `shipping_zones` (`id`, `name`, `countries`, `rest_of_world`, `position`) VALUES
  ('shz_domestic', 'United States', '["US"]', 0, 0),
  ('shz_europe', 'Europe', '["AD","AL","AT","BA","BE","BG","CH","CY","CZ","DE","DK","EE","ES","FI","FR","GB","GR","HR","HU","IE","IS","IT","LI","LT","LU","LV","MC","MD","ME","MK","MT","NL","NO","PL","PT","RO","RS","SE","SI","SK","SM","UA","VA"]', 0, 1),
  ('shz_world', 'Rest of the world', '[]', 1, 2);
--> statement-breakpoint
INSERT INTO `shipping_methods` (`id`, `zone_id`, `code`, `name`, `kind`, `amount`, `weight_bands`, `free_from`, `currency`, `min_days`, `max_days`, `position`) VALUES
  ('shm_us_standard', 'shz_domestic', 'standard', 'Standard shipping', 'flat', 595, '[]', 7500, 'USD', 3, 5, 0),
  ('shm_us_express', 'shz_domestic', 'express', 'Express shipping', 'flat', 1595, '[]', NULL, 'USD', 1, 2, 1),
  ('shm_eu_standard', 'shz_europe', 'standard', 'Standard shipping', 'weight', 0, '[{"upToGrams":1000,"amount":1995},{"upToGrams":5000,"amount":2995},{"upToGrams":20000,"amount":4995}]', NULL, 'USD', 7, 14, 0),
  ('shm_eu_express', 'shz_europe', 'express', 'Express shipping', 'flat', 3995, '[]', NULL, 'USD', 3, 5, 1),
  ('shm_row_standard', 'shz_world', 'standard', 'Standard shipping', 'weight', 0, '[{"upToGrams":1000,"amount":2495},{"upToGrams":5000,"amount":3995},{"upToGrams":20000,"amount":6995}]', NULL, 'USD', 10, 21, 0),
  ('shm_row_express', 'shz_world', 'express', 'Express shipping', 'flat', 4995, '[]', NULL, 'USD', 4, 7, 1);
