/**
 * A tiny HTML template tag: every interpolated value is escaped unless it is itself `html`.
 *
 * @module
 */

/** Markup that is already safe (built by {@link html}). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

import { escapeHtml } from "@dance/core";

export { escapeHtml };

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === undefined || value === null || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * Build markup; interpolated strings, numbers and the like are escaped, arrays are joined,
 * `undefined`/`null`/`false` render as nothing.
 *
 * @example
 * ```ts
 * html`<p>Hello ${name}</p>` // name "<b>" → <p>Hello &#60;b&#62;</p>
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}
