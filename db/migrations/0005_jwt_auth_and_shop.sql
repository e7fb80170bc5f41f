CREATE TABLE "shop_cart_item" (
	"sandbox_id" uuid NOT NULL,
	"account_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_cart_item_sandbox_id_account_id_product_id_pk" PRIMARY KEY("sandbox_id","account_id","product_id"),
	CONSTRAINT "shop_cart_item_quantity_check" CHECK ("shop_cart_item"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "shop_category" (
	"id" integer NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "shop_category_sandbox_id_id_pk" PRIMARY KEY("sandbox_id","id"),
	CONSTRAINT "shop_category_sandbox_slug_unique" UNIQUE("sandbox_id","slug")
);
--> statement-breakpoint
CREATE TABLE "shop_order" (
	"id" integer NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"account_id" integer NOT NULL,
	"status" text DEFAULT 'placed' NOT NULL,
	"currency" text NOT NULL,
	"total_cents" bigint NOT NULL,
	"idempotency_key" text,
	"request_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_order_sandbox_id_id_pk" PRIMARY KEY("sandbox_id","id")
);
--> statement-breakpoint
CREATE TABLE "shop_order_line" (
	"sandbox_id" uuid NOT NULL,
	"order_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"quantity" integer NOT NULL,
	"line_total_cents" bigint NOT NULL,
	CONSTRAINT "shop_order_line_sandbox_id_order_id_product_id_pk" PRIMARY KEY("sandbox_id","order_id","product_id"),
	CONSTRAINT "shop_order_line_quantity_check" CHECK ("shop_order_line"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "shop_product" (
	"id" integer NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"category_id" integer NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"stock" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_product_sandbox_id_id_pk" PRIMARY KEY("sandbox_id","id"),
	CONSTRAINT "shop_product_sandbox_sku_unique" UNIQUE("sandbox_id","sku"),
	CONSTRAINT "shop_product_stock_check" CHECK ("shop_product"."stock" >= 0),
	CONSTRAINT "shop_product_price_check" CHECK ("shop_product"."price_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "refresh_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "token_family" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"account_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "sandbox_user" (
	"id" integer NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text DEFAULT 'customer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_user_sandbox_id_id_pk" PRIMARY KEY("sandbox_id","id"),
	CONSTRAINT "sandbox_user_sandbox_email_unique" UNIQUE("sandbox_id","email"),
	CONSTRAINT "sandbox_user_role_check" CHECK ("sandbox_user"."role" in ('customer', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "shop_cart_item" ADD CONSTRAINT "shop_cart_item_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_cart_item" ADD CONSTRAINT "shop_cart_item_account_fk" FOREIGN KEY ("sandbox_id","account_id") REFERENCES "public"."sandbox_user"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_cart_item" ADD CONSTRAINT "shop_cart_item_product_fk" FOREIGN KEY ("sandbox_id","product_id") REFERENCES "public"."shop_product"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_category" ADD CONSTRAINT "shop_category_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_order" ADD CONSTRAINT "shop_order_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_order" ADD CONSTRAINT "shop_order_account_fk" FOREIGN KEY ("sandbox_id","account_id") REFERENCES "public"."sandbox_user"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_order_line" ADD CONSTRAINT "shop_order_line_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_order_line" ADD CONSTRAINT "shop_order_line_order_fk" FOREIGN KEY ("sandbox_id","order_id") REFERENCES "public"."shop_order"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_order_line" ADD CONSTRAINT "shop_order_line_product_fk" FOREIGN KEY ("sandbox_id","product_id") REFERENCES "public"."shop_product"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_product" ADD CONSTRAINT "shop_product_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_product" ADD CONSTRAINT "shop_product_category_fk" FOREIGN KEY ("sandbox_id","category_id") REFERENCES "public"."shop_category"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_token" ADD CONSTRAINT "refresh_token_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_token" ADD CONSTRAINT "refresh_token_family_id_token_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."token_family"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_family" ADD CONSTRAINT "token_family_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_family" ADD CONSTRAINT "token_family_account_fk" FOREIGN KEY ("sandbox_id","account_id") REFERENCES "public"."sandbox_user"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_user" ADD CONSTRAINT "sandbox_user_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shop_order_idempotency_key_unique" ON "shop_order" USING btree ("sandbox_id","account_id","idempotency_key") WHERE "shop_order"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "shop_order_account_idx" ON "shop_order" USING btree ("sandbox_id","account_id","id");--> statement-breakpoint
CREATE INDEX "shop_product_category_idx" ON "shop_product" USING btree ("sandbox_id","category_id");--> statement-breakpoint
CREATE INDEX "refresh_token_family_idx" ON "refresh_token" USING btree ("family_id","created_at");--> statement-breakpoint
CREATE INDEX "token_family_account_idx" ON "token_family" USING btree ("sandbox_id","account_id");