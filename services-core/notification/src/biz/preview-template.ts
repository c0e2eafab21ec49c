// Rendering a template with given data as it would be sent, for staff checking a template or an event's data.
import { inject, injectable } from 'inversify';
import type { Channel } from './channel.js';
import { TEMPLATE_RENDERER, type RenderedMessage, type TemplateRenderer } from './ports.js';
import type { TemplateName } from './template-catalog.js';

@injectable()
export class PreviewTemplateUseCase {
  constructor(@inject(TEMPLATE_RENDERER) private readonly renderer: TemplateRenderer) {}

  execute(template: TemplateName, channel: Channel, locale: string, data: Record<string, unknown>): RenderedMessage {
    return this.renderer.render(template, channel, locale, data, 'data_json');
  }
}
