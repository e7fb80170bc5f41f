import { fieldsOf, setRealworldEnabled } from "@/lib/blog-api/realworld/site";
import { requestOrigin } from "@/lib/http/origin";
import { portalApi } from "@/lib/sandbox/api";
import * as api from "@/lib/sandbox/contract";

// PUT /api/sandbox/realworld — switch the blog's public RealWorld API on or off. A portal write:
// the key header, or the cookie from this site only (a cookie alone never authorizes a change
// from another site's page).
const put = portalApi.route(api.switchRealworld, {
  span: ["db", "Switch the RealWorld API"],
  run: ({ caller, body }) => setRealworldEnabled(caller.id, body.enabled),
  respond: (site, { req }) => Response.json(fieldsOf(site, requestOrigin(req))),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = portalApi.methods({ PUT: put });
