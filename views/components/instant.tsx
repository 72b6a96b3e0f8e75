import { shanghaiDate } from "../../src/domain/dates";

/** An ISO instant as Beijing wall-clock time "YYYY-MM-DD HH:mm", the way officials read a record time. */
export function Instant(props: { iso: string }) {
  const at = new Date(props.iso);
  if (Number.isNaN(at.getTime())) return <span>{props.iso}</span>;
  const clock = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16); // UTC+8, no DST in China
  return <time datetime={props.iso}>{`${shanghaiDate(at)} ${clock}`}</time>;
}
