// The template library: every template compiled once at start-up in Handlebars' strict mode, so a template that
// refers to a field its data lacks throws (ValidationError naming the field) instead of rendering an empty string.
// Plain-text output: nothing is HTML-escaped. A locale without its own file falls back to its language, then `en`.
import Handlebars from 'handlebars';
import { ValidationError } from '@ecommerce/common/errors';
import type { Channel } from '../biz/channel.js';
import type { RenderedMessage, TemplateRenderer } from '../biz/ports.js';
import { DEFAULT_LOCALE, type TemplateName } from '../biz/template-catalog.js';
import { date, money } from './helpers.js';
import { readTemplateSources, type TemplateSource } from './template-files.js';

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  body: Handlebars.TemplateDelegate;
}

/** What every template may use besides its event's data. */
export interface ShopContext {
  name: string;
  url: string;
}

export class HandlebarsTemplateLibrary implements TemplateRenderer {
  private readonly compiled = new Map<string, Compiled>();

  constructor(
    private readonly shop: ShopContext,
    sources: TemplateSource[] = readTemplateSources(),
  ) {
    const handlebars = Handlebars.create();
    handlebars.registerHelper({ money, date });
    const compile = (text: string) => handlebars.compile(text, { strict: true, noEscape: true });
    for (const source of sources) {
      this.compiled.set(key(source.template, source.channel, source.locale), { subject: compile(source.subject), body: compile(source.body) });
    }
  }

  render(template: TemplateName, channel: Channel, locale: string, data: Record<string, unknown>, field = 'template'): RenderedMessage {
    const used = this.localeFor(template, channel, locale);
    const compiled = used ? this.compiled.get(key(template, channel, used)) : undefined;
    if (!used || !compiled) throw new ValidationError([{ field, message: `no ${channel} template ${template}` }]);
    const context = { ...data, shop: this.shop };
    try {
      return { locale: used, subject: compiled.subject(context).trim(), body: compiled.body(context).trim() };
    } catch (err) {
      const missing = /"([^"]+)" not defined/.exec(err instanceof Error ? err.message : '')?.[1];
      const message = missing
        ? `template ${template} (${channel}, ${used}) refers to "${missing}", which the data lacks`
        : `template ${template} (${channel}, ${used}) failed: ${err instanceof Error ? err.message : String(err)}`;
      throw new ValidationError([{ field, message }]);
    }
  }

  private localeFor(template: TemplateName, channel: Channel, locale: string): string | undefined {
    const candidates = [locale, locale.split('-')[0]!, DEFAULT_LOCALE];
    return candidates.find((candidate) => this.compiled.has(key(template, channel, candidate)));
  }
}

function key(template: string, channel: string, locale: string): string {
  return `${template}/${channel}/${locale}`;
}
