// Reading the template library from disk: templates/<template>/<channel>.<locale>.hbs, where email and push files
// start with a `Subject:` line and a blank line before the body. Every catalog template must have an `en` file for
// each of its channels, and no file may name a template or channel the catalog does not know: a mistake here
// stops start-up instead of surfacing as a failed mail.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isChannel, type Channel } from '../biz/channel.js';
import { DEFAULT_LOCALE, isTemplateName, TEMPLATE_CATALOG, type TemplateName } from '../biz/template-catalog.js';

export interface TemplateSource {
  template: TemplateName;
  channel: Channel;
  locale: string;
  file: string;
  subject: string;
  body: string;
}

/** The package's templates folder (the same from src/ and dist/). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

const FILE_NAME = /^(?<channel>[a-z]+)\.(?<locale>[a-z]{2,3}(?:-[A-Z]{2})?)\.hbs$/;

export function readTemplateSources(dir: string = TEMPLATES_DIR): TemplateSource[] {
  const sources: TemplateSource[] = [];
  for (const template of readdirSync(dir)) {
    if (!isTemplateName(template)) throw new Error(`${path.join(dir, template)}: no template named ${template} in biz/template-catalog.ts`);
    for (const name of readdirSync(path.join(dir, template))) {
      const file = path.join(dir, template, name);
      const match = FILE_NAME.exec(name);
      const channel = match?.groups!.channel ?? '';
      if (!match || !isChannel(channel)) throw new Error(`${file}: expected <email|sms|push>.<locale>.hbs`);
      if (!(TEMPLATE_CATALOG[template].channels as readonly string[]).includes(channel)) throw new Error(`${file}: ${template} is not sent on ${channel}`);
      sources.push({ template, channel, locale: match.groups!.locale!, file, ...splitSubject(file, channel, readFileSync(file, 'utf8')) });
    }
  }
  for (const [template, spec] of Object.entries(TEMPLATE_CATALOG)) {
    for (const channel of spec.channels) {
      if (!sources.some((s) => s.template === template && s.channel === channel && s.locale === DEFAULT_LOCALE)) {
        throw new Error(`${path.join(dir, template)}: missing ${channel}.${DEFAULT_LOCALE}.hbs`);
      }
    }
  }
  return sources;
}

function splitSubject(file: string, channel: Channel, text: string): { subject: string; body: string } {
  if (channel === 'sms') return { subject: '', body: text.trim() };
  const match = /^Subject: (?<subject>.+)\r?\n\r?\n(?<body>[\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: a ${channel} template starts with "Subject: ..." and a blank line`);
  return { subject: match.groups!.subject!.trim(), body: match.groups!.body!.trim() };
}
