// Creating an example, and deciding the event that announces it.
import { inject, injectable } from 'inversify';
import type { Example } from './example.js';
import { EXAMPLE_REPOSITORY, UNIT_OF_WORK, type ExampleRepository, type NotificationUnitOfWork } from './ports.js';

@injectable()
export class CreateExampleUseCase {
  constructor(
    @inject(EXAMPLE_REPOSITORY) private readonly examples: ExampleRepository,
    @inject(UNIT_OF_WORK) private readonly uow: NotificationUnitOfWork,
  ) {}

  execute(name: string): Promise<Example> {
    return this.uow.run(async (tx, events) => {
      const example = await this.examples.create(tx, name.trim());
      events.record('notification.example.created', {
        subject: example.id,
        data: { example: { id: example.id, name: example.name, createTime: example.createdAt } },
      });
      return example;
    });
  }
}
