-- The permission catalogue and the two built-in roles: admin (everything) and staff (read-only back office).
-- A migration that adds a permission also grants it to admin.
-- +goose Up
INSERT INTO permissions (name, description) VALUES
  ('users.read', 'See staff users and their roles'),
  ('users.write', 'Create, change, suspend and delete staff users; assign roles'),
  ('roles.read', 'See roles and permissions'),
  ('roles.write', 'Create roles'),
  ('catalog.read', 'See products, categories and brands'),
  ('catalog.write', 'Change products, categories and brands'),
  ('pricing.write', 'Change prices and tax rules'),
  ('promotions.write', 'Change campaigns and coupons'),
  ('orders.read', 'See orders'),
  ('orders.write', 'Change, cancel and refund orders'),
  ('customers.read', 'See customer profiles'),
  ('warehouse.write', 'Adjust stock'),
  ('reviews.moderate', 'Approve and reject reviews');

INSERT INTO roles (name, description) VALUES
  ('admin', 'Full access to the back office'),
  ('staff', 'Read access to the back office');

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.name FROM roles r CROSS JOIN permissions p WHERE r.name = 'admin';

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.name FROM roles r JOIN permissions p ON p.name LIKE '%.read' WHERE r.name = 'staff';

-- +goose Down
DELETE FROM roles WHERE name IN ('admin', 'staff');
DELETE FROM permissions;
