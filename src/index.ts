import { app } from "./app";
import { getDb } from "./db/client";
import { cleanSecurityLog } from "./http/audit";

export default {
  fetch: app.fetch,
  // The daily cron (wrangler.toml [triggers]): security-log entries past their retention go.
  scheduled: async (_controller, env, ctx) => {
    ctx.waitUntil(cleanSecurityLog(getDb(env)).then((n) => console.log(`security log: ${n} old entries deleted`)));
  },
} satisfies ExportedHandler<Env>;
