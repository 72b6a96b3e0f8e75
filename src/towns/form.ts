import { compact, number, text, type FormValues } from "../http/form";

/** The add form → `{name}`. */
export const addTownBody = (f: FormValues) => compact({ name: text(f.name) });

/** A row's form → `{version, name}` to rename, or `{version, retired}` for the retire / restore buttons. */
export function changeTownBody(f: FormValues) {
  const version = number(f.version);
  if (f.action === "retire") return compact({ version, retired: true });
  if (f.action === "restore") return compact({ version, retired: false });
  return compact({ version, name: text(f.name) });
}
