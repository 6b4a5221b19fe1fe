import { createApp } from 'vue';
// The components come with the templates that use them (vite.config.ts); what scripts call as functions brings
// no stylesheet along, so the message boxes' styles are loaded here.
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import './styles.css';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { me } from './api/endpoints';
import { currentUser, setCurrentUser } from './app/session';
import { takeTarget } from './app/afterLogin';

async function start(): Promise<void> {
  document.documentElement.lang = i18n.global.locale.value;
  try {
    setCurrentUser(await me());
  } catch {
    // The gateway answered nothing usable: the login screen's button is then the one way forward.
    setCurrentUser({ authenticated: false });
  }
  const target = takeTarget(currentUser);
  if (target !== null) {
    await router.replace(target);
  }
  createApp(App).use(i18n).use(router).mount('#app');
}

void start();
