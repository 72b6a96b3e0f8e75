import { expect, it } from "vitest";
import { attackRoutes, unclaimedRoutes } from "./security-hostile-runner";

// The login route, and every mutating JSON route no other hostile-input file names.
attackRoutes(unclaimedRoutes);

it("leaves no mutating JSON route unattacked", () => {
  expect(unclaimedRoutes()).toContain("POST /api/v1/session");
});
