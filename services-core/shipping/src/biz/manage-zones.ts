// Staff managing zones and the options they offer. Field formats (countries, postcode patterns, amounts) are
// checked by the request schemas; the rules between an option's fields are checked here, after an update's
// changes are laid over the stored option, so a partial update can never leave an inconsistent option.
import { inject, injectable } from 'inversify';
import { assertOptionConsistent } from './option-rules.js';
import { UNIT_OF_WORK, ZONE_REPOSITORY, type ShippingUnitOfWork, type ZoneRepository } from './ports.js';
import type { NewOption, NewZone, OptionChanges, ShippingOption, Zone, ZoneChanges } from './zone.js';

@injectable()
export class ManageZonesUseCase {
  constructor(
    @inject(ZONE_REPOSITORY) private readonly zones: ZoneRepository,
    @inject(UNIT_OF_WORK) private readonly uow: ShippingUnitOfWork,
  ) {}

  createZone(zone: NewZone): Promise<Zone> {
    return this.uow.run((tx) => this.zones.create(tx, zone));
  }

  updateZone(id: string, changes: ZoneChanges): Promise<Zone> {
    return this.uow.run((tx) => this.zones.update(tx, id, changes));
  }

  listZones(): Promise<Zone[]> {
    return this.zones.list();
  }

  createOption(option: NewOption): Promise<ShippingOption> {
    assertOptionConsistent(option);
    return this.uow.run(async (tx) => {
      await this.zones.get(option.zoneId, tx);
      return this.zones.createOption(tx, option);
    });
  }

  updateOption(id: string, changes: OptionChanges): Promise<ShippingOption> {
    return this.uow.run(async (tx) => {
      const stored = await this.zones.getOption(id, tx, { lock: true });
      assertOptionConsistent({ ...stored, ...changes });
      return this.zones.updateOption(tx, id, changes);
    });
  }
}
