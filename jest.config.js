/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.[cm]js$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        // PGlite loads Node built-ins with dynamic import(); swc must rewrite it for jest's CJS runtime.
        module: { type: 'commonjs', ignoreDynamic: false },
      },
    ],
  },
  // Also compiled: packages that ship only ES modules, which jest's CommonJS runtime cannot require on Node 20.
  transformIgnorePatterns: ['/node_modules/(?!(@electric-sql|content-disposition|cookie)/)'],
  testTimeout: 60000,
};
