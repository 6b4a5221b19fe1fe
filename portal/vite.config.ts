/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// The build lands where Maven packages resources from, so the jar the gateway depends on serves it as
// classpath:/static. `npm run dev` proxies the API and the login flow to a gateway on :8080, so the session
// cookie and the CSRF cookie stay same-origin during development too.
const gateway = 'http://localhost:8080';

export default defineConfig({
  // Element Plus on demand: each <el-*> tag of a template imports that component and its stylesheet, so the
  // bundle carries the 40-odd components the screens use rather than all of them. Without a generated
  // components.d.ts: vue-tsc checked the templates' el-* tags no more strictly before, with the whole library.
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver()], dts: false })],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // Element Plus and ECharts are large; split them so the app's own code changes without re-downloading them.
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) {
            return 'echarts';
          }
          if (id.includes('node_modules/element-plus')) {
            return 'element-plus';
          }
          return undefined;
        },
      },
    },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': gateway,
      '/oauth2': gateway,
      '/login': gateway,
      '/logout': gateway,
    },
  },
  test: {
    // Pure logic runs in Node; the files that need a DOM say so in their first line (@vitest-environment jsdom).
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // The on-demand imports bring each component's stylesheet along; Vite, not Node, must read those in tests.
    server: { deps: { inline: ['element-plus'] } },
  },
});
