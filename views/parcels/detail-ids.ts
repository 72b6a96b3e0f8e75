/** The element a move or correction re-renders in place. */
export const DETAIL_ID = "parcel-detail";
