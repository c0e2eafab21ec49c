// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with, which the gateway lays over the REST routes
// it reads from the proto. Every RPC with a request schema belongs in `requests`.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { NotificationServiceService } from '@ecommerce/proto/notification/v1/notification';
import type { z } from 'zod';
import { notificationServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof NotificationServiceService]: z.ZodObject | undefined } = {
  getPreferences: schemas.customerIdRequest,
  updatePreferences: schemas.updatePreferencesRequest,
  listNotifications: schemas.listNotificationsRequest,
  getNotification: schemas.notificationIdRequest,
  resendNotification: schemas.resendNotificationRequest,
  previewTemplate: schemas.previewTemplateRequest,
};

// Any signed-in customer may call the preference RPCs, so their kind lists no 403; it is the answer for another
// customer's preferences (staff may read anyone's, only the customer changes their own).
const ownerOnly = { getPreferences: [403], updatePreferences: [403] };

export const notificationOpenApi = rpcOpenApiFragment('notification', notificationServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests, ownerOnly);
