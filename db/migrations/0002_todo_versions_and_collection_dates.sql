CREATE SEQUENCE "public"."todo_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "todo_collection" (
	"sandbox_id" uuid PRIMARY KEY NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "todo" ALTER COLUMN "version" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "todo" ALTER COLUMN "version" SET DEFAULT nextval('todo_version_seq');--> statement-breakpoint
ALTER TABLE "todo_collection" ADD CONSTRAINT "todo_collection_sandbox_id_sandbox_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandbox"("id") ON DELETE cascade ON UPDATE no action;