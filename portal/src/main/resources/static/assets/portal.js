// The portal's start page. Everything it shows comes through the gateway: who is logged in from
// /api/v1/me, the indicator count from indicator-service with the session's token relayed.
// Chinese first; the English choice is remembered in this browser.

const MESSAGES = {
  'zh-CN': {
    title: '岳阳楼区生态环境保护规划平台',
    loading: '正在加载…',
    anonymous: '未登录',
    loginFailed: '登录失败，请重试。',
    login: '登录',
    user: '用户',
    roles: '角色',
    department: '部门',
    enterprise: '企业',
    indicators: '规划指标',
    logout: '退出',
    otherLanguage: 'English',
    none: '无',
    indicatorCount: (total) => `${total} 项`,
    indicatorsForbidden: '无权查看',
    indicatorsUnavailable: '暂不可用',
    departments: { env: '生态环境局岳阳楼分局', dev: '区发改局', land: '区资规局', water: '区水利局' },
    roleNames: {
      'eco-admin': '平台管理员',
      'bureau-editor': '业务编辑',
      'bureau-viewer': '业务查看',
      'plan-reviewer': '预案审核',
      enterprise: '企业用户',
      'integrator-read': '系统对接（只读）',
      'integrator-write': '系统对接（读写）',
    },
  },
  en: {
    title: 'Yueyanglou District Eco-Environmental Protection Plan',
    loading: 'Loading…',
    anonymous: 'Not logged in',
    loginFailed: 'Login failed, please try again.',
    login: 'Log in',
    user: 'User',
    roles: 'Roles',
    department: 'Department',
    enterprise: 'Enterprise',
    indicators: 'Plan indicators',
    logout: 'Log out',
    otherLanguage: '中文',
    none: 'none',
    indicatorCount: (total) => `${total} ${total === 1 ? 'indicator' : 'indicators'}`,
    indicatorsForbidden: 'not permitted',
    indicatorsUnavailable: 'unavailable at the moment',
    departments: {
      env: 'Ecology and Environment Bureau, Yueyanglou Branch',
      dev: 'District Development and Reform Bureau',
      land: 'District Natural Resources and Planning Bureau',
      water: 'District Water Resources Bureau',
    },
    roleNames: {
      'eco-admin': 'Platform administrator',
      'bureau-editor': 'Bureau editor',
      'bureau-viewer': 'Bureau viewer',
      'plan-reviewer': 'Plan reviewer',
      enterprise: 'Enterprise',
      'integrator-read': 'Integrator (read)',
      'integrator-write': 'Integrator (read/write)',
    },
  },
};

const LANGUAGE_KEY = 'ecoplan.language';

const state = {
  language: localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN',
  me: null,
  indicators: null,
};

const element = (id) => document.getElementById(id);

function render() {
  const text = MESSAGES[state.language];
  document.documentElement.lang = state.language;
  document.title = text.title;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = text[node.dataset.i18n];
  }
  element('language').textContent = text.otherLanguage;

  if (state.me === null) {
    return;
  }
  element('loading').hidden = true;
  element('anonymous').hidden = state.me.authenticated;
  element('authenticated').hidden = !state.me.authenticated;
  element('login-failed').hidden = new URLSearchParams(location.search).get('login') !== 'failed';
  if (!state.me.authenticated) {
    return;
  }
  const { username, roles, department, enterpriseId } = state.me;
  element('username').textContent = username;
  element('roles').textContent = roles.length === 0
    ? text.none
    : roles.map((role) => `${text.roleNames[role] ?? role} (${role})`).join(state.language === 'en' ? ', ' : '、');
  element('department').textContent = department ? (text.departments[department] ?? department) : text.none;
  for (const node of document.querySelectorAll('.enterprise')) {
    node.hidden = !enterpriseId;
  }
  element('enterprise').textContent = enterpriseId ?? '';
  element('indicator-count').textContent = indicatorText(text);
}

function indicatorText(text) {
  switch (state.indicators?.outcome) {
    case undefined:
      return text.loading;
    case 'total':
      return text.indicatorCount(state.indicators.total);
    case 'forbidden':
      return text.indicatorsForbidden;
    default:
      return text.indicatorsUnavailable;
  }
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  return { status: response.status, body: response.ok ? await response.json() : null };
}

async function loadIndicatorCount() {
  try {
    const { status, body } = await getJson('/api/v1/indicators?size=1');
    if (body !== null) {
      state.indicators = { outcome: 'total', total: body.total };
    } else {
      state.indicators = { outcome: status === 403 ? 'forbidden' : 'unavailable' };
    }
  } catch {
    state.indicators = { outcome: 'unavailable' };
  }
  render();
}

function readCookie(name) {
  const prefix = `${name}=`;
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith(prefix));
  return cookie ? decodeURIComponent(cookie.slice(prefix.length)) : '';
}

async function start() {
  element('language').addEventListener('click', () => {
    state.language = state.language === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem(LANGUAGE_KEY, state.language);
    render();
  });
  // The gateway sets XSRF-TOKEN on every page; the form carries its value, as logout is CSRF-protected.
  element('logout').addEventListener('submit', () => {
    element('csrf').value = readCookie('XSRF-TOKEN');
  });
  render();

  const { body } = await getJson('/api/v1/me');
  state.me = body ?? { authenticated: false };
  render();
  if (state.me.authenticated) {
    await loadIndicatorCount();
  }
}

start();
