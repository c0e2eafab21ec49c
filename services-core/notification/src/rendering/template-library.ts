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
  /** Every data path the template mentions (`order.shippingAddress.name`), to name a missing one in full. */
  paths: string[];
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
      const paths = [...pathsIn(handlebars.parse(source.subject)), ...pathsIn(handlebars.parse(source.body))];
      this.compiled.set(key(source.template, source.channel, source.locale), { subject: compile(source.subject), body: compile(source.body), paths });
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
      // Handlebars names only the last segment; the template's own paths give the whole one that does not resolve.
      const full = missing ? compiled.paths.find((p) => (p === missing || p.endsWith(`.${missing}`)) && !resolves(context, p)) : undefined;
      const message = missing
        ? `template ${template} (${channel}, ${used}) refers to "${full ?? missing}", which the data lacks`
        : `template ${template} (${channel}, ${used}) failed: ${err instanceof Error ? err.message : String(err)}`;
      throw new ValidationError([{ field, message }]);
    }
  }

  private localeFor(template: TemplateName, channel: Channel, locale: string): string | undefined {
    const candidates = [locale, locale.split('-')[0]!, DEFAULT_LOCALE];
    return candidates.find((candidate) => this.compiled.has(key(template, channel, candidate)));
  }
}

function resolves(context: unknown, dotted: string): boolean {
  let value: unknown = context;
  for (const part of dotted.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in value)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return true;
}

/** The data paths of a parsed template (helpers' own names excluded), in the order they appear. */
function pathsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) pathsIn(child, found);
  } else if (node !== null && typeof node === 'object') {
    const n = node as { type?: string; original?: string };
    if (n.type === 'PathExpression' && n.original && !found.includes(n.original)) found.push(n.original.replace(/^(\.\.\/)+/, ''));
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') pathsIn(value, found);
  }
  return found;
}

function key(template: string, channel: string, locale: string): string {
  return `${template}/${channel}/${locale}`;
}
