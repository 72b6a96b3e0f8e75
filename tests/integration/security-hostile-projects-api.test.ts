import { attackRoutes, ROUTE_FILES } from "./security-hostile-runner";

attackRoutes(() => ROUTE_FILES["projects-api"]);
