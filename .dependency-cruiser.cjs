/**
 * The direction of imports, checked by `npm run check:imports` and by `npm test`
 * (lib/tooling/import-rules.test.ts):
 * no module cycles; UI never imports route files; engines stay pure. Cycles between sibling
 * folders are checked by lib/tooling/folder-cycles.ts (dependency-cruiser's folder scope also
 * counts a parent composing its children, which is a hierarchy, not a loop).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles (including type-only ones) hide which module owns a concept.",
      from: {},
      to: { circular: true },
    },
    {
      name: "components-not-from-app",
      severity: "error",
      comment: "Pages pass server actions to components as props; components never import app/ files.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-not-from-ui",
      severity: "error",
      comment: "lib/ is below the UI: it never imports app/ or components/.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "engines-are-pure",
      severity: "error",
      comment: "core/engines holds pure TypeScript: no framework, database driver, Redis or React.",
      from: { path: "^core/engines/" },
      to: {
        path: "(^(lib|core/(db|redis|files))/)|node_modules/(next|react|react-dom|@prisma|pg|ioredis|@electric-sql|bentocache|fastify)/",
      },
    },
    {
      name: "core-stands-alone",
      severity: "error",
      comment:
        "core/ is what the console and the clinical service share: it imports neither deployable (lib, app, components, clinical, scripts).",
      from: { path: "^core/" },
      to: { path: "^(lib|app|components|clinical|scripts|bench)/" },
    },
    {
      name: "clinical-shares-only-core",
      severity: "error",
      comment: "The clinical service is its own deployable: outside clinical/ it imports only core/.",
      from: { path: "^clinical/" },
      to: { path: "^(lib|app|components|scripts|bench)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|lib/generated)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
