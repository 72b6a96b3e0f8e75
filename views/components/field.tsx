import type { Child } from "hono/jsx";
import type { FieldErrors, FormValues } from "../../src/http/form";
import type { PageCtx } from "../page-context";

/** One form's state: a prefix for element ids (two forms on a page may share field names), what was typed, the errors. */
export type FormScope = { id: string; values: FormValues; errors: FieldErrors };

export const emptyForm = (id: string, values: FormValues = {}): FormScope => ({ id, values, errors: {} });

const inputId = (f: FormScope, name: string) => `${f.id}-${name}`;

/** id, name and, when the field was refused, the aria links to its message. */
export function fieldAttrs(f: FormScope, name: string) {
  const id = inputId(f, name);
  return f.errors[name] ? { id, name, "aria-invalid": "true", "aria-describedby": `${id}-error` } : { id, name };
}

/** A label, its control and the message beside it when the field was refused. */
export function Field(props: { f: FormScope; name: string; label: string; hint?: string; children: Child }) {
  const { f, name } = props;
  const error = f.errors[name];
  return (
    <div class="field">
      <label for={inputId(f, name)}>{props.label}</label>
      {props.children}
      {props.hint && <div class="muted hint">{props.hint}</div>}
      {error && (
        <div class="field-error" id={`${inputId(f, name)}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

type InputProps = {
  f: FormScope;
  name: string;
  type?: string;
  required?: boolean;
  maxlength?: number;
  step?: string;
  list?: string;
  inputmode?: "decimal" | "numeric";
};

/** A text-like input holding what was typed. */
export function Input(props: InputProps) {
  const { f, name, ...rest } = props;
  return <input {...rest} {...fieldAttrs(f, name)} value={f.values[name] ?? ""} />;
}

export function TextArea(props: { f: FormScope; name: string; required?: boolean; maxlength?: number }) {
  const { f, name, ...rest } = props;
  return (
    <textarea {...rest} {...fieldAttrs(f, name)} rows={2}>
      {f.values[name] ?? ""}
    </textarea>
  );
}

/** A select of `[value, label]` options with the typed value chosen; `placeholder` adds a blank first choice. */
export function Select(props: {
  f: FormScope;
  name: string;
  options: [string, string][];
  placeholder?: string;
  required?: boolean;
  extra?: Record<string, string>;
}) {
  const { f, name } = props;
  const chosen = f.values[name] ?? "";
  return (
    <select {...(props.extra ?? {})} {...fieldAttrs(f, name)} required={props.required}>
      {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
      {props.options.map(([value, label]) => (
        <option value={value} selected={value === chosen}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** The banner over a refused form, with any problem that belongs to no visible field. */
export function FormErrors(props: { ctx: PageCtx; f: FormScope }) {
  if (!Object.keys(props.f.errors).length) return null;
  const loose = props.f.errors["_"];
  return (
    <div class="notice error" role="alert">
      {props.ctx.t("error.validation")}
      {loose && <div>{loose}</div>}
    </div>
  );
}
