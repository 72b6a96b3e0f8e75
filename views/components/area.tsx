import { formatHa, formatMu } from "../../src/domain/area";

/** Area as officials read it: 亩 with two decimals, 公顷 with four beneath. */
export function AreaCell(props: { m2: number }) {
  return (
    <td class="num">
      {formatMu(props.m2)}
      <br />
      <span class="muted">{formatHa(props.m2)}</span>
    </td>
  );
}
