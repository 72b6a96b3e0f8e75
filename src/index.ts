import { app } from "./app";
import { getDb } from "./db/client";
import { cleanSecurityLog } from "./http/audit";
import { storeFinishedWeeks, WEEKLY_CRON } from "./reviews/writes";

// Only handlers may be exported here: workerd refuses a main module with any other named export.

export default {
  fetch: app.fetch,
  // The weekly cron stores finished weeks' reviews (its scheduled time is "now"); the daily one drops
  // security-log entries past their retention.
  scheduled: async (controller, env, ctx) => {
    if (controller.cron === WEEKLY_CRON) {
      const now = new Date(controller.scheduledTime);
      ctx.waitUntil(
        storeFinishedWeeks(getDb(env), now).then((w) => console.log(`weekly reviews stored: ${w.join(", ")}`)),
      );
      return;
    }
    ctx.waitUntil(cleanSecurityLog(getDb(env)).then((n) => console.log(`security log: ${n} old entries deleted`)));
  },
} satisfies ExportedHandler<Env>;
