CREATE TABLE "visit_counter" (
	"sandbox_id" uuid PRIMARY KEY NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"last_instance" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit_counter" ADD CONSTRAINT "visit_counter_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;