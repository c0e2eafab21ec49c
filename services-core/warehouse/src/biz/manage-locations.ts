// Creating, changing and listing stock locations (staff).
import { inject, injectable } from 'inversify';
import type { Location, LocationChanges, NewLocation } from './location.js';
import { LOCATION_REPOSITORY, UNIT_OF_WORK, type LocationRepository, type WarehouseUnitOfWork } from './ports.js';

@injectable()
export class ManageLocationsUseCase {
  constructor(
    @inject(LOCATION_REPOSITORY) private readonly locations: LocationRepository,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  create(location: NewLocation): Promise<Location> {
    return this.uow.run((tx) => this.locations.create(tx, { ...location, name: location.name.trim(), address: location.address.trim() }));
  }

  update(id: string, changes: LocationChanges): Promise<Location> {
    return this.uow.run((tx) => this.locations.update(tx, id, changes));
  }

  list(): Promise<Location[]> {
    return this.locations.list();
  }
}
