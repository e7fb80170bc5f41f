CREATE TABLE "blog_author" (
	"id" integer NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"username" text NOT NULL,
	"email" text,
	"bio" text,
	"image" text,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blog_author_sandbox_id_id_pk" PRIMARY KEY("sandbox_id","id"),
	CONSTRAINT "blog_author_sandbox_username_unique" UNIQUE("sandbox_id","username"),
	CONSTRAINT "blog_author_sandbox_email_unique" UNIQUE("sandbox_id","email")
);
--> statement-breakpoint
CREATE TABLE "blog_comment" (
	"id" integer NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"post_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blog_comment_sandbox_id_id_pk" PRIMARY KEY("sandbox_id","id")
);
--> statement-breakpoint
CREATE TABLE "blog_favorite" (
	"sandbox_id" uuid NOT NULL,
	"author_id" integer NOT NULL,
	"post_id" integer NOT NULL,
	CONSTRAINT "blog_favorite_sandbox_id_author_id_post_id_pk" PRIMARY KEY("sandbox_id","author_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "blog_follow" (
	"sandbox_id" uuid NOT NULL,
	"follower_id" integer NOT NULL,
	"followed_id" integer NOT NULL,
	CONSTRAINT "blog_follow_sandbox_id_follower_id_followed_id_pk" PRIMARY KEY("sandbox_id","follower_id","followed_id"),
	CONSTRAINT "blog_follow_not_self_check" CHECK ("blog_follow"."follower_id" <> "blog_follow"."followed_id")
);
--> statement-breakpoint
CREATE TABLE "blog_post" (
	"id" integer NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"author_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "blog_post"."title"), 'A') || setweight(to_tsvector('english', "blog_post"."description"), 'B') || setweight(to_tsvector('english', "blog_post"."body"), 'C')) STORED NOT NULL,
	CONSTRAINT "blog_post_sandbox_id_id_pk" PRIMARY KEY("sandbox_id","id"),
	CONSTRAINT "blog_post_sandbox_slug_unique" UNIQUE("sandbox_id","slug"),
	CONSTRAINT "blog_post_published_check" CHECK (("blog_post"."status" = 'published') = ("blog_post"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "blog_post_tag" (
	"sandbox_id" uuid NOT NULL,
	"post_id" integer NOT NULL,
	"tag_id" integer NOT NULL,
	CONSTRAINT "blog_post_tag_sandbox_id_post_id_tag_id_pk" PRIMARY KEY("sandbox_id","post_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "blog_tag" (
	"id" integer NOT NULL,
	"sandbox_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "blog_tag_sandbox_id_id_pk" PRIMARY KEY("sandbox_id","id"),
	CONSTRAINT "blog_tag_sandbox_name_unique" UNIQUE("sandbox_id","name")
);
--> statement-breakpoint
CREATE TABLE "realworld_site" (
	"sandbox_id" uuid PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "realworld_site_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
ALTER TABLE "blog_author" ADD CONSTRAINT "blog_author_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_comment" ADD CONSTRAINT "blog_comment_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_comment" ADD CONSTRAINT "blog_comment_post_fk" FOREIGN KEY ("sandbox_id","post_id") REFERENCES "public"."blog_post"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_comment" ADD CONSTRAINT "blog_comment_author_fk" FOREIGN KEY ("sandbox_id","author_id") REFERENCES "public"."blog_author"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_favorite" ADD CONSTRAINT "blog_favorite_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_favorite" ADD CONSTRAINT "blog_favorite_author_fk" FOREIGN KEY ("sandbox_id","author_id") REFERENCES "public"."blog_author"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_favorite" ADD CONSTRAINT "blog_favorite_post_fk" FOREIGN KEY ("sandbox_id","post_id") REFERENCES "public"."blog_post"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_follow" ADD CONSTRAINT "blog_follow_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_follow" ADD CONSTRAINT "blog_follow_follower_fk" FOREIGN KEY ("sandbox_id","follower_id") REFERENCES "public"."blog_author"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_follow" ADD CONSTRAINT "blog_follow_followed_fk" FOREIGN KEY ("sandbox_id","followed_id") REFERENCES "public"."blog_author"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_post" ADD CONSTRAINT "blog_post_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_post" ADD CONSTRAINT "blog_post_author_fk" FOREIGN KEY ("sandbox_id","author_id") REFERENCES "public"."blog_author"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_post_tag" ADD CONSTRAINT "blog_post_tag_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_post_tag" ADD CONSTRAINT "blog_post_tag_post_fk" FOREIGN KEY ("sandbox_id","post_id") REFERENCES "public"."blog_post"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_post_tag" ADD CONSTRAINT "blog_post_tag_tag_fk" FOREIGN KEY ("sandbox_id","tag_id") REFERENCES "public"."blog_tag"("sandbox_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blog_tag" ADD CONSTRAINT "blog_tag_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realworld_site" ADD CONSTRAINT "realworld_site_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blog_comment_post_idx" ON "blog_comment" USING btree ("sandbox_id","post_id","created_at");--> statement-breakpoint
CREATE INDEX "blog_favorite_post_idx" ON "blog_favorite" USING btree ("sandbox_id","post_id");--> statement-breakpoint
CREATE INDEX "blog_post_list_idx" ON "blog_post" USING btree ("sandbox_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "blog_post_author_idx" ON "blog_post" USING btree ("sandbox_id","author_id");--> statement-breakpoint
CREATE INDEX "blog_post_search_idx" ON "blog_post" USING gin ("search");--> statement-breakpoint
CREATE INDEX "blog_post_tag_tag_idx" ON "blog_post_tag" USING btree ("sandbox_id","tag_id");