/**
 * What the build bundles into dist/server.cjs (one CommonJS file, loaded by dist/main.js with a V8 code cache; see
 * scripts/build.mjs): the server, and the knowledge snapshot writer that `npm start` and `npm run build` call first.
 */
export { startServer } from './start-server.js'
export { writeKnowledgeSnapshot } from './runtime/knowledge-snapshot.js'
