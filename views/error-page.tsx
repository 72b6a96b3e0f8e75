import type { Context } from "hono";
import type { AppEnv } from "../src/env";
import { Layout } from "./layout";
import { pageCtx } from "./page-context";

/** A plain page for 403/404/500 answers to browsers. */
export function ErrorPage(props: { c: Context<AppEnv>; status: number; message: string }) {
  const ctx = pageCtx(props.c);
  return (
    <Layout ctx={ctx} title={String(props.status)}>
      <section class="error-page">
        <h1>{props.status}</h1>
        <p>{props.message}</p>
        <p>
          <a href="/">{ctx.t("nav.home")}</a>
        </p>
      </section>
    </Layout>
  );
}
