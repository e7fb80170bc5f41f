import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { type RealworldSite, realworldSite } from "@/db/schema/blog-api";

/**
 * A sandbox's public RealWorld API. RealWorld clients cannot send the secret sandbox key, so the
 * blog is reached by a public id instead: `rw_` and 20 random base32 characters (100 bits), made
 * the first time the learner's sandbox is read, and kept through resets. The learner can switch
 * it off (and on again) from /sandbox.
 */

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** `rw_` + 20 base32 characters from the CSPRNG: unguessable, and safe in a URL path. */
export function newPublicId(): string {
  const bytes = randomBytes(20);
  let id = "rw_";
  for (const byte of bytes) id += BASE32[byte & 31];
  return id;
}

export const PUBLIC_ID = /^rw_[a-z2-7]{20}$/;

/** The sandbox's site, created (switched on) the first time it is asked for. */
export async function realworldSiteOf(sandboxId: string): Promise<RealworldSite> {
  const db = await getDb();
  const [found] = await db
    .select()
    .from(realworldSite)
    .where(eq(realworldSite.sandboxId, sandboxId));
  if (found) return found;
  // Two first reads at once: one insert wins, the other reads its row.
  await db
    .insert(realworldSite)
    .values({ sandboxId, publicId: newPublicId() })
    .onConflictDoNothing({ target: realworldSite.sandboxId });
  const [made] = await db
    .select()
    .from(realworldSite)
    .where(eq(realworldSite.sandboxId, sandboxId));
  if (!made) throw new Error("realworld_site row missing after insert");
  return made;
}

/** Switches the sandbox's RealWorld API on or off; answers the site as it now is. */
export async function setRealworldEnabled(
  sandboxId: string,
  enabled: boolean,
): Promise<RealworldSite> {
  await realworldSiteOf(sandboxId);
  const db = await getDb();
  const [site] = await db
    .update(realworldSite)
    .set({ enabled })
    .where(eq(realworldSite.sandboxId, sandboxId))
    .returning();
  if (!site) throw new Error("realworld_site row missing after update");
  return site;
}

/** The site with this public id, if any. */
export async function siteByPublicId(publicId: string): Promise<RealworldSite | undefined> {
  if (!PUBLIC_ID.test(publicId)) return undefined;
  const db = await getDb();
  const [site] = await db
    .select()
    .from(realworldSite)
    .where(eq(realworldSite.publicId, publicId))
    .prepare("realworld_site_by_public_id")
    .execute();
  return site;
}

/** The RealWorld API's base URL as RealWorld clients want it (their `API_ROOT`): ends in `/api`. */
export function realworldBaseUrl(origin: string | undefined, publicId: string): string {
  return `${origin ?? ""}/api/v1/realworld/${publicId}/api`;
}

export type RealworldFields = {
  realworldPublicId: string;
  realworldBaseUrl: string;
  realworldEnabled: boolean;
};

/** A site as the sandbox endpoints show it. */
export function fieldsOf(site: RealworldSite, origin: string | undefined): RealworldFields {
  return {
    realworldPublicId: site.publicId,
    realworldBaseUrl: realworldBaseUrl(origin, site.publicId),
    realworldEnabled: site.enabled,
  };
}

/** What GET /api/sandbox shows of it (the site is made on this first read). */
export async function realworldFieldsOf(
  sandboxId: string,
  origin: string | undefined,
): Promise<RealworldFields> {
  return fieldsOf(await realworldSiteOf(sandboxId), origin);
}
