import type { Parcel } from "../../src/db/schema";
import type { PageCtx } from "../page-context";

/** Someone else changed the parcel since this form was drawn: say so, with where it stands now. */
export function ConflictNotice(props: { ctx: PageCtx; parcel: Parcel }) {
  const { ctx, parcel } = props;
  return (
    <p class="notice error" role="alert">
      {ctx.t("pp.detail.conflict", { state: ctx.t(`state.${parcel.state}`), version: parcel.version })}
    </p>
  );
}
