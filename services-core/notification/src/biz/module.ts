// The use cases; they depend only on the ports bound by the data, providers and templates modules.
import { ContainerModule } from 'inversify';
import { DispatchNotificationsUseCase } from './dispatch-notifications.js';
import { ManagePreferencesUseCase } from './manage-preferences.js';
import { PreviewTemplateUseCase } from './preview-template.js';
import { ReadNotificationsUseCase } from './read-notifications.js';
import { RecordContactsUseCase } from './record-contacts.js';
import { RequestNotificationsUseCase } from './request-notifications.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(RecordContactsUseCase).toSelf().inSingletonScope();
  bind(RequestNotificationsUseCase).toSelf().inSingletonScope();
  bind(DispatchNotificationsUseCase).toSelf().inSingletonScope();
  bind(ManagePreferencesUseCase).toSelf().inSingletonScope();
  bind(ReadNotificationsUseCase).toSelf().inSingletonScope();
  bind(PreviewTemplateUseCase).toSelf().inSingletonScope();
});
