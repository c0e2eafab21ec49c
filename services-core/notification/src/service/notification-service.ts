// gRPC handlers of ecommerce.notification.v1.NotificationService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, principalOfCall, type CallContext, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/notification/v1/notification';
import type { NotificationServiceService } from '@ecommerce/proto/notification/v1/notification';
import type { Actor } from '../biz/actor.js';
import { ManagePreferencesUseCase } from '../biz/manage-preferences.js';
import { PreviewTemplateUseCase } from '../biz/preview-template.js';
import { ReadNotificationsUseCase } from '../biz/read-notifications.js';
import { DEFAULT_LOCALE, type TemplateName } from '../biz/template-catalog.js';
import { channelFromProto, notificationToProto, preferencesToProto, statusFromProto } from './mappers.js';
import * as schemas from './request-schemas.js';

const DEFAULT_PAGE_SIZE = 20;
const STAFF_ROLES = ['staff', 'admin'];

function actorOf(ctx: CallContext): Actor {
  const principal = principalOfCall(ctx);
  return { id: principal.sub, staff: principal.roles.some((role) => STAFF_ROLES.includes(role)) };
}

@injectable()
export class NotificationGrpcService implements UnaryHandlers<typeof NotificationServiceService> {
  constructor(
    @inject(ManagePreferencesUseCase) private readonly preferences: ManagePreferencesUseCase,
    @inject(ReadNotificationsUseCase) private readonly reading: ReadNotificationsUseCase,
    @inject(PreviewTemplateUseCase) private readonly previewing: PreviewTemplateUseCase,
  ) {}

  async getPreferences(request: pb.GetPreferencesRequest, ctx: CallContext): Promise<pb.GetPreferencesResponse> {
    const { customerId } = parseProtoRequest(schemas.customerIdRequest, request);
    return { preferences: preferencesToProto(await this.preferences.get(actorOf(ctx), customerId)) };
  }

  async updatePreferences(request: pb.UpdatePreferencesRequest, ctx: CallContext): Promise<pb.UpdatePreferencesResponse> {
    const input = parseProtoRequest(schemas.updatePreferencesRequest, request);
    const preferences = await this.preferences.update(actorOf(ctx), input.customerId, {
      channels: input.channels.map((c) => ({ channel: channelFromProto(c.channel), marketingOptIn: c.marketingOptIn })),
      ...(input.locale ? { locale: input.locale } : {}),
    });
    return { preferences: preferencesToProto(preferences) };
  }

  async listNotifications(request: pb.ListNotificationsRequest): Promise<pb.ListNotificationsResponse> {
    const query = parseProtoRequest(schemas.listNotificationsRequest, request);
    const page = query.page || 1;
    const pageSize = query.pageSize || DEFAULT_PAGE_SIZE;
    const status = statusFromProto(query.status);
    const result = await this.reading.list(
      {
        ...(query.recipientCustomerId ? { recipientCustomerId: query.recipientCustomerId } : {}),
        ...(query.recipientAddress ? { recipientAddress: query.recipientAddress } : {}),
        ...(status ? { status } : {}),
        ...(query.template ? { template: query.template as TemplateName } : {}),
      },
      { page, pageSize },
    );
    return { notifications: result.notifications.map(notificationToProto), page, pageSize, total: result.total };
  }

  async getNotification(request: pb.GetNotificationRequest): Promise<pb.GetNotificationResponse> {
    const { id } = parseProtoRequest(schemas.notificationIdRequest, request);
    return { notification: notificationToProto(await this.reading.get(id)) };
  }

  async resendNotification(request: pb.ResendNotificationRequest): Promise<pb.ResendNotificationResponse> {
    const { id, email } = parseProtoRequest(schemas.resendNotificationRequest, request);
    return { notification: notificationToProto(await this.reading.resend(id, email || undefined)) };
  }

  async previewTemplate(request: pb.PreviewTemplateRequest): Promise<pb.PreviewTemplateResponse> {
    const input = parseProtoRequest(schemas.previewTemplateRequest, request);
    return this.previewing.execute(input.template as TemplateName, channelFromProto(input.channel), input.locale || DEFAULT_LOCALE, input.dataJson);
  }
}
