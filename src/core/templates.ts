import Mustache from 'mustache';

/**
 * Descriptions are Mustache templates (logic-less: a team can reword them in config without code).
 * Values are inserted verbatim: the output is Markdown, not HTML, so HTML-escaping would corrupt it.
 */

export interface TemplateSet {
  linearDescription: string;
  githubBody: string;
  etaComment: string;
  /** A feature request appended to an existing ticket: the comment on the Linear issue (Linear policy). */
  linearAppendComment: string;
  /** The same on its GitHub issue (GitHub policy: no customer). */
  githubAppendComment: string;
}

/** Inserted into GitHub text where the Linear identifier goes, and replaced once Linear has answered. */
export const LINEAR_IDENTIFIER_SLOT = 'TRIAGE_LINEAR_IDENTIFIER';
export const LINEAR_URL_SLOT = 'TRIAGE_LINEAR_URL';

export const DEFAULT_TEMPLATES: TemplateSet = {
  linearDescription: `{{summary}}

## Customer report
{{report}}
{{#steps}}

## Steps to reproduce
{{steps}}
{{/steps}}
{{#expected}}

## Expected
{{expected}}
{{/expected}}
{{#actual}}

## Actual
{{actual}}
{{/actual}}

## Impact
- **Priority:** {{priorityReason}}
- **Status:** {{statusReason}}
- **Request type:** {{typeTitle}} ({{typeMeaning}})
- **Customer:** {{customer}}
{{#area}}
- **Area:** {{area}}
{{/area}}
{{#manualReason}}
- **Priority set by hand:** {{manualReason}}
{{/manualReason}}
{{#etaDate}}
- **Estimated completion:** {{etaLong}}
{{/etaDate}}
{{#links.length}}

## Links
{{#links}}
- {{.}}
{{/links}}
{{/links.length}}
`,
  githubBody: `{{summary}}

### Report
{{quotedReport}}
{{#steps}}

### Steps to reproduce
{{steps}}
{{/steps}}
{{#expected}}

### Expected
{{expected}}
{{/expected}}
{{#actual}}

### Actual
{{actual}}
{{/actual}}

### Impact
- **Priority:** {{priorityReason}}
- **Type:** {{typeTitle}}
{{#area}}
- **Area:** {{area}}
{{/area}}

---
Tracked in Linear as {{linearIdentifier}}.
`,
  etaComment: `**Estimated completion: {{etaLong}}** ({{etaDate}})

{{#etaBusinessDays}}This is {{etaBusinessDaysText}} from filing, the team's target for {{priorityLabel}} issues. {{/etaBusinessDays}}We will update this issue if the estimate changes.
`,
  linearAppendComment: `**Another customer asks for this: {{customer}}**{{#pylonNumber}} (Pylon ticket #{{pylonNumber}}){{/pylonNumber}}

Their request: **{{title}}**

{{quotedReport}}

- **Priority of this request by the rubric:** {{priorityReason}}
{{#area}}
- **Area:** {{area}}
{{/area}}
`,
  githubAppendComment: `**Another customer asks for this.**

Their request: **{{title}}**

{{quotedReport}}
`,
};

export type TemplateView = Record<string, unknown>;

export function renderTemplate(template: string, view: TemplateView): string {
  const text = Mustache.render(template, view, undefined, { escape: (value: unknown) => String(value) });
  // Optional sections leave runs of blank lines behind; Markdown needs at most one.
  return `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Throws a readable message when a template does not parse (unclosed section and the like). */
export function checkTemplate(template: string): string | undefined {
  try {
    Mustache.parse(template);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** "> " before every line, so the customer's words stand apart from ours. */
export function quote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

/**
 * Customer text may contain `@name` or `@org/team`, which GitHub turns into notifications to people who
 * have nothing to do with the ticket. Code-span them so they read the same and ping no one.
 */
export function neutralizeGitHubReferences(text: string): string {
  return text.replace(/(^|[^\w`@/])(@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\/[A-Za-z0-9._-]+)?)(?![\w@.-]*@)/g, '$1`$2`');
}
