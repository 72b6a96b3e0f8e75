import { haText, muText } from "./figures";

/** Area as officials read it: 亩 with two decimals, 公顷 with four beneath (the column header names both units). */
export function AreaCell(props: { m2: number }) {
  return (
    <td class="num">
      {muText(props.m2)}
      <br />
      <span class="muted">{haText(props.m2)}</span>
    </td>
  );
}
