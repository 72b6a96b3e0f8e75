import { expect, it } from "vitest";
import { attackRoutes, unclaimedRoutes } from "./security-hostile-runner";

// The JSON login, and every route taking a body that no other hostile-input file names.
attackRoutes(unclaimedRoutes);

it("leaves no route that takes a body unattacked", () => {
  expect(unclaimedRoutes()).toContain("POST /api/v1/session");
});
