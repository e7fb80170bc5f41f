// The pages a page benchmark measures by default: the roadmap, then every lesson.
import { lessonSlugs } from "../../lib/lessons/generate-registry.mjs";

export const sitePages = () => ["/", ...lessonSlugs().map((slug) => `/learn/${slug}`)];
