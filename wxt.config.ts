import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { HELPDESK_ORIGINS } from './lib/helpdesks/matches';

// Host access for the built-in helpdesks is static; self-hosted sites and the backend are asked for at runtime.

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: HELPDESK_ORIGINS }],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    browser_specific_settings: { gecko: { id: 'arvio@arvio.invalid' } },
  },
});
