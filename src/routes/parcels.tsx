import { Hono } from "hono";
import type { AppEnv } from "../env";

export const parcelPages = new Hono<AppEnv>();
