// The catalog's routes as an OpenAPI fragment, from the same zod schemas the routes validate with; the gateway
// merges it into the platform's /openapi.json. A new route is documented by adding its line here.
import { openApiFragment, type DocumentedRoute } from '@ecommerce/common/http';
import { z } from 'zod';
import { brandSchema, createBrandBody, listBrandsQuery, updateBrandBody } from './schemas/brand.js';
import { categoryNodeSchema, categorySchema, createCategoryBody, listCategoriesQuery, moveCategoryBody, updateCategoryBody } from './schemas/category.js';
import { idParams, slugParams } from './schemas/common.js';
import { createPageBody, listPagesQuery, pageSchema, updatePageBody } from './schemas/page.js';
import { createProductBody, listProductsQuery, productSchema, updateProductBody } from './schemas/product.js';

const STAFF = ['staff', 'admin'];
const V1 = '/api/v1';

const routes: DocumentedRoute[] = [
  { method: 'get', path: `${V1}/products`, summary: 'List live products (staff: ?deleted=true lists deleted ones)', query: listProductsQuery, response: productSchema, list: true },
  { method: 'get', path: `${V1}/products/by-slug/:slug`, summary: 'Get a product by slug', params: slugParams, response: productSchema },
  { method: 'get', path: `${V1}/products/:id`, summary: 'Get a product', params: idParams, response: productSchema },
  { method: 'post', path: `${V1}/products`, summary: 'Create a product', body: createProductBody, response: productSchema, roles: STAFF },
  { method: 'patch', path: `${V1}/products/:id`, summary: 'Update a product', params: idParams, body: updateProductBody, response: productSchema, roles: STAFF },
  { method: 'delete', path: `${V1}/products/:id`, summary: 'Soft-delete a product', params: idParams, status: 204, roles: STAFF },
  { method: 'post', path: `${V1}/products/:id/restore`, summary: 'Restore a deleted product', params: idParams, response: productSchema, status: 200, roles: STAFF },
  { method: 'get', path: `${V1}/categories`, summary: 'List categories, flat or as a tree (`children` to any depth)', query: listCategoriesQuery, response: z.array(categoryNodeSchema) },
  { method: 'get', path: `${V1}/categories/:id`, summary: 'Get a category', params: idParams, response: categorySchema },
  { method: 'post', path: `${V1}/categories`, summary: 'Create a category', body: createCategoryBody, response: categorySchema, roles: STAFF },
  { method: 'patch', path: `${V1}/categories/:id`, summary: 'Update a category', params: idParams, body: updateCategoryBody, response: categorySchema, roles: STAFF },
  { method: 'post', path: `${V1}/categories/:id/move`, summary: 'Move a category under another parent', params: idParams, body: moveCategoryBody, response: categorySchema, status: 200, roles: STAFF },
  { method: 'delete', path: `${V1}/categories/:id`, summary: 'Delete a category', params: idParams, status: 204, roles: STAFF },
  { method: 'get', path: `${V1}/brands`, summary: 'List brands', query: listBrandsQuery, response: brandSchema, list: true },
  { method: 'get', path: `${V1}/brands/:id`, summary: 'Get a brand', params: idParams, response: brandSchema },
  { method: 'post', path: `${V1}/brands`, summary: 'Create a brand', body: createBrandBody, response: brandSchema, roles: STAFF },
  { method: 'patch', path: `${V1}/brands/:id`, summary: 'Update a brand', params: idParams, body: updateBrandBody, response: brandSchema, roles: STAFF },
  { method: 'delete', path: `${V1}/brands/:id`, summary: 'Delete a brand', params: idParams, status: 204, roles: STAFF },
  { method: 'get', path: `${V1}/pages/by-slug/:slug`, summary: 'Get a published CMS page by slug', params: slugParams, response: pageSchema },
  { method: 'get', path: `${V1}/pages`, summary: 'List CMS pages', query: listPagesQuery, response: pageSchema, list: true, roles: STAFF },
  { method: 'get', path: `${V1}/pages/:id`, summary: 'Get a CMS page', params: idParams, response: pageSchema, roles: STAFF },
  { method: 'post', path: `${V1}/pages`, summary: 'Create a CMS page', body: createPageBody, response: pageSchema, roles: STAFF },
  { method: 'patch', path: `${V1}/pages/:id`, summary: 'Update a CMS page', params: idParams, body: updatePageBody, response: pageSchema, roles: STAFF },
  { method: 'delete', path: `${V1}/pages/:id`, summary: 'Delete a CMS page', params: idParams, status: 204, roles: STAFF },
];

/** Built once: the schemas do not change while the process runs. */
export const catalogOpenApi = openApiFragment('catalog', routes);
