/** The element every form of the project page answers into with htmx: a refused form comes back in it with its messages. */
export const PROJECT_DETAIL_ID = "project-detail";

/**
 * A form of the project page: a plain POST without JS; with htmx the answer replaces the detail section —
 * the section with the form's messages (422) or the conflict notice (409), or, once accepted, the section
 * read again (the 303 to the page is followed and answered as a fragment).
 */
export const hxPost = (action: string) => ({
  method: "post" as const,
  action,
  "hx-post": action,
  "hx-target": `#${PROJECT_DETAIL_ID}`,
  "hx-swap": "outerHTML",
});
