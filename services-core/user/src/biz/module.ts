import { ContainerModule } from 'inversify';
import { BootstrapAdminUseCase } from './bootstrap-admin.js';
import { CheckPermissionUseCase } from './check-permission.js';
import { ManageRolesUseCase } from './manage-roles.js';
import { ManageUsersUseCase } from './manage-users.js';

/** The use cases; they depend only on the repository interfaces bound by the data module. */
export const bizModule = new ContainerModule(({ bind }) => {
  bind(ManageUsersUseCase).toSelf().inSingletonScope();
  bind(ManageRolesUseCase).toSelf().inSingletonScope();
  bind(CheckPermissionUseCase).toSelf().inSingletonScope();
  bind(BootstrapAdminUseCase).toSelf().inSingletonScope();
});
