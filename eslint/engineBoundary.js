"use strict";
const path = require("path");

/**
 * ub/engine-boundary: src/engine may import decimal.js and files inside src/engine, nothing else
 * (STYLE.md 1). Relative paths are resolved, so "../../storage/db" from inside the engine fails
 * even though it starts with "..".
 */
module.exports = {
  meta: {
    type: "problem",
    docs: { description: "src/engine imports only decimal.js and itself" },
    messages: {
      outside: "src/engine may import only decimal.js and files inside src/engine; '{{source}}' is outside it.",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const engineRoot = path.resolve(context.cwd ?? process.cwd(), "src", "engine");
    function check(node, source) {
      if (typeof source !== "string") return;
      if (source === "decimal.js") return;
      if (source.startsWith(".")) {
        const target = path.resolve(path.dirname(filename), source);
        if (target === engineRoot || target.startsWith(engineRoot + path.sep)) return;
      }
      context.report({ node, messageId: "outside", data: { source } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
