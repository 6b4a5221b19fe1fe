// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { homeFor, menuFor } from '../src/app/menu';
import { canEditFor, type Me, type Role } from '../src/app/roles';
import { guard } from '../src/router';

const user = (roles: Role[], extra: Partial<Me> = {}): Me => ({ authenticated: true, username: 'u', roles, ...extra });
const paths = (me: Me) => menuFor(me).map((entry) => entry.path);

describe('the side menu follows the roles', () => {
  it.each([
    [['eco-admin'], ['/', '/indicators', '/air-quality', '/approvals', '/projects', '/reviews', '/enterprises', '/risk-calculator']],
    [['bureau-editor'], ['/', '/indicators', '/air-quality', '/projects', '/enterprises', '/risk-calculator']],
    [['bureau-viewer'], ['/', '/indicators', '/air-quality', '/projects', '/enterprises', '/risk-calculator']],
    [['plan-reviewer'], ['/', '/indicators', '/air-quality', '/projects', '/reviews', '/enterprises', '/risk-calculator']],
    [['enterprise'], ['/my-filings', '/my-enterprise']],
    [['integrator-read'], []],
  ] as [Role[], string[]][])('%j sees %j', (roles, expected) => {
    expect(paths(user(roles))).toEqual(expected);
  });

  it('shows nothing before login', () => {
    expect(menuFor({ authenticated: false })).toEqual([]);
  });

  it('an enterprise user never sees a bureau screen', () => {
    const bureau = ['/', '/indicators', '/air-quality', '/approvals', '/projects', '/reviews', '/enterprises', '/risk-calculator'];
    expect(paths(user(['enterprise'])).filter((path) => bureau.includes(path))).toEqual([]);
  });

  it('sends each user to their own start screen', () => {
    expect(homeFor(user(['bureau-viewer']))).toBe('/');
    expect(homeFor(user(['enterprise']))).toBe('/my-filings');
    expect(homeFor(user([]))).toBeNull();
  });
});

describe('the route guard', () => {
  it('lets a user open a screen of their role', () => {
    expect(guard(user(['eco-admin']), ['eco-admin'], '/approvals')).toBe(true);
  });

  it('sends an enterprise user who types a bureau address to their filings', () => {
    expect(guard(user(['enterprise']), ['eco-admin', 'bureau-viewer'], '/projects')).toBe('/my-filings');
  });

  it('sends an editor away from the approval queue to the overview', () => {
    expect(guard(user(['bureau-editor']), ['eco-admin'], '/approvals')).toBe('/');
  });

  it('tells a user without any screen so instead of looping', () => {
    expect(guard(user(['integrator-read']), ['eco-admin'], '/')).toBe('/no-access');
  });

  it('leaves anonymous visitors on the login screen', () => {
    expect(guard({ authenticated: false }, ['eco-admin'], '/approvals')).toBe(true);
  });
});

describe('who may change a department\'s records', () => {
  it.each([
    [['eco-admin'], undefined, 'water', true],
    [['bureau-editor'], 'env', 'env', true],
    [['bureau-editor'], 'env', 'water', false],
    [['bureau-editor'], undefined, 'env', false],
    [['bureau-viewer'], 'env', 'env', false],
    [['enterprise'], undefined, 'env', false],
  ] as [Role[], string | undefined, string, boolean][])('%j of %s on %s: %s', (roles, department, owner, expected) => {
    expect(canEditFor(user(roles, { department }), owner)).toBe(expected);
  });
});
