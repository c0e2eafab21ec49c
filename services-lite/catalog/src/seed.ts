// Bulk test data for benchmarks and demos: one brand, one category and `count` active products.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

export interface SeededProducts {
  brandId: string;
  categoryId: string;
  count: number;
}

const BATCH_SIZE = 500;
const COLORS = ['black', 'white', 'red', 'blue', 'green', 'grey'];

/** Inserts `count` products in one transaction (all or nothing); SKUs and slugs carry a per-call tag so seeding twice never collides. */
export async function seedProducts(db: Knex, count: number): Promise<SeededProducts> {
  const tag = randomBytes(3).toString('hex');
  return db.transaction(async (trx) => {
    const [brand] = await trx('brands')
      .insert({ name: `Seed Brand ${tag}`, slug: `seed-brand-${tag}`, description: 'Seeded brand' })
      .returning<Array<{ id: string }>>('id');
    const [category] = await trx('categories')
      .insert({ name: `Seed Category ${tag}`, slug: `seed-category-${tag}` })
      .returning<Array<{ id: string }>>('id');
    const rows = Array.from({ length: count }, (_, i) => {
      const n = String(i + 1).padStart(5, '0');
      const color = COLORS[i % COLORS.length]!;
      return {
        sku: `SEED-${tag}-${n}`,
        slug: `seed-${tag}-product-${n}`,
        name: `Seed product ${n} (${color})`,
        description: `A ${color} product seeded for load tests.`,
        brand_id: brand!.id,
        category_id: category!.id,
        attributes: JSON.stringify({ color, size: ['S', 'M', 'L'][i % 3] }),
        images: JSON.stringify([{ url: `https://images.example.com/seed/${n}.jpg`, alt: `Seed product ${n}` }]),
        status: 'active',
      };
    });
    for (let i = 0; i < rows.length; i += BATCH_SIZE) await trx('products').insert(rows.slice(i, i + BATCH_SIZE));
    return { brandId: brand!.id, categoryId: category!.id, count };
  });
}
