#!/usr/bin/env node
// bicep-check: parses Bicep files with the tree-sitter-bicep grammar (its WebAssembly build, run by
// web-tree-sitter: no native build, no Bicep compiler) and prints, as JSON on stdout, what the
// templates declare and which rules they break.
//
//   node bicep-check.mjs PATH...     PATH: a .bicep file or a folder (searched for *.bicep)
//
// Output: {"parser", "files": [{file, targetScope, params, vars, resources, modules, outputs}],
//          "violations": [{file, line, column, rule, message}]}
// Exit status: 0 without violations, 1 with some, 2 when the command itself is wrong.
//
// Values are turned into JSON where they are literal (objects, arrays, strings without
// interpolation, numbers, booleans, null); anything else is {"$expr": "its source text"}.
//
// Rules (generic, for any template; product-specific checks are BicepTemplatesTest's, on the facts):
//   syntax        the file parses: no ERROR or MISSING node
//   no-keys       no list*() call (listKeys, listConnectionStrings, listAccountSas, ...) and no
//                 connection string with a key (AccountKey=, SharedAccessKey=) in a string
//   local-auth    resources that can turn key or shared-key access off do so, literally
//   role-scope    every role assignment names the resource it is scoped to (never the resource
//                 group, the subscription or the tenant); Cosmos DB data-plane role assignments
//                 are scoped under a declared account
//   secret-output no output is @secure(), calls list*() or reads a @secure() parameter

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Language } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

/** Properties that turn keys or shared-key access off, per resource type, and the value they must have. */
export const LOCAL_AUTH = {
  'Microsoft.Storage/storageAccounts': [
    ['properties.allowSharedKeyAccess', false],
    ['properties.allowBlobPublicAccess', false],
  ],
  'Microsoft.DocumentDB/databaseAccounts': [['properties.disableLocalAuth', true]],
  'Microsoft.ServiceBus/namespaces': [['properties.disableLocalAuth', true]],
  'Microsoft.EventHub/namespaces': [['properties.disableLocalAuth', true]],
  'Microsoft.CognitiveServices/accounts': [['properties.disableLocalAuth', true]],
  'Microsoft.Insights/components': [['properties.DisableLocalAuth', true]],
  'Microsoft.OperationalInsights/workspaces': [['properties.features.disableLocalAuth', true]],
  'Microsoft.KeyVault/vaults': [
    ['properties.enableRbacAuthorization', true],
    ['properties.enablePurgeProtection', true],
  ],
  'Microsoft.Search/searchServices': [['properties.disableLocalAuth', true]],
  'Microsoft.SignalRService/signalR': [['properties.disableLocalAuth', true]],
  'Microsoft.AppConfiguration/configurationStores': [['properties.disableLocalAuth', true]],
};

const KEY_IN_STRING = /(AccountKey|SharedAccessKey|SharedAccessKeyName|AccessKey)\s*=/i;
// list(), listKeys(), listConnectionStrings(), listAccountSas(), ... (Bicep's key-reading functions)
const LIST_FUNCTION = /^list([A-Z]|$)/;
const WIDE_SCOPES = new Set(['subscription', 'resourceGroup', 'tenant', 'managementGroup']);

let parserPromise;

/** The parser, loaded once: web-tree-sitter's runtime and the grammar's .wasm from tree-sitter-bicep. */
export function parser() {
  parserPromise ??= (async () => {
    await Parser.init();
    const wasm = require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
    const language = await Language.load(wasm);
    const p = new Parser();
    p.setLanguage(language);
    return p;
  })();
  return parserPromise;
}

export function versions() {
  // web-tree-sitter exports no package.json: read it beside the module's entry point
  const version = entry => JSON.parse(readFileSync(join(dirname(require.resolve(entry)), 'package.json'), 'utf8')).version;
  return {
    webTreeSitter: version('web-tree-sitter'),
    treeSitterBicep: version('tree-sitter-bicep/tree-sitter-bicep.wasm'),
  };
}

/** Checks one file's source; returns {facts, violations}. */
export async function checkSource(file, source) {
  const tree = (await parser()).parse(source);
  try {
    return new FileCheck(file, tree.rootNode).run();
  } finally {
    tree.delete();
  }
}

class FileCheck {
  constructor(file, root) {
    this.file = file;
    this.root = root;
    this.violations = [];
    this.facts = { file, targetScope: 'resourceGroup', params: [], vars: [], resources: [], modules: [], outputs: [] };
    this.resourceSymbols = new Set();
    this.resourceTypes = new Map();
    this.secureParams = new Set();
  }

  violation(node, rule, message) {
    this.violations.push({
      file: this.file,
      line: node.startPosition.row + 1,
      column: node.startPosition.column + 1,
      rule,
      message,
    });
  }

  run() {
    this.syntax(this.root);
    this.declarations();
    this.keys(this.root);
    for (const { fact } of this.resourceNodes) this.resourceTypes.set(fact.symbol, fact.type);
    for (const r of this.resourceNodes) this.resourceRules(r);
    for (const o of this.outputNodes) this.outputRules(o);
    return { facts: this.facts, violations: this.violations };
  }

  syntax(node) {
    if (node.isMissing) {
      this.violation(node, 'syntax', `missing ${JSON.stringify(node.type)}`);
    } else if (node.type === 'ERROR') {
      this.violation(node, 'syntax', `syntax error at ${JSON.stringify(snippet(node.text))}`);
    }
    // a subtree without errors needs no walk
    if (!node.hasError && !node.isMissing) return;
    for (const c of node.children) this.syntax(c);
  }

  declarations() {
    this.resourceNodes = [];
    this.outputNodes = [];
    let decorators = [];
    for (const node of this.root.namedChildren) {
      if (node.type === 'decorators') {
        decorators = node.namedChildren.map(d => d.namedChildren[0]).filter(Boolean);
        continue;
      }
      const names = decorators.map(c => c.childForFieldName('function')?.text);
      decorators = [];
      switch (node.type) {
        case 'target_scope_assignment':
          this.facts.targetScope = stringValue(node.namedChildren[0]);
          break;
        case 'parameter_declaration': {
          const [id, type, def] = node.namedChildren;
          const secure = names.includes('secure');
          if (secure) this.secureParams.add(id.text);
          this.facts.params.push({ name: id.text, line: line(node), type: type?.text, secure,
            default: def ? value(def) : null });
          break;
        }
        case 'variable_declaration': {
          const [id, v] = node.namedChildren;
          this.facts.vars.push({ name: id.text, line: line(node), value: v ? value(v) : null });
          break;
        }
        case 'resource_declaration':
          this.resource(node, null);
          break;
        case 'module_declaration': {
          const [id, path, body] = node.namedChildren;
          this.facts.modules.push({ symbol: id.text, path: stringValue(path), line: line(node), ...bodyOf(body) });
          break;
        }
        case 'output_declaration': {
          const [id, type, v] = node.namedChildren;
          this.facts.outputs.push({ name: id.text, line: line(node), type: type?.text,
            secure: names.includes('secure'), value: v ? value(v) : null });
          this.outputNodes.push({ node, value: v, secure: names.includes('secure') });
          break;
        }
        default:
          break;
      }
    }
  }

  resource(node, parentSymbol) {
    const [id, typeNode, body] = node.namedChildren;
    const typeString = stringValue(typeNode) ?? typeNode?.text ?? '';
    const at = typeString.indexOf('@');
    const fact = {
      symbol: id?.text,
      type: at < 0 ? typeString : typeString.slice(0, at),
      apiVersion: at < 0 ? null : typeString.slice(at + 1),
      existing: node.children.some(c => c.type === 'existing'),
      parentSymbol,
      line: line(node),
      ...bodyOf(body),
    };
    this.facts.resources.push(fact);
    this.resourceSymbols.add(fact.symbol);
    this.resourceNodes.push({ node, fact });
    // resources declared inside the body (child resources)
    const object = body?.type === 'object' ? body : body?.namedChildren.find(c => c.type === 'object');
    for (const prop of object?.namedChildren ?? []) {
      if (prop.type !== 'object_property') continue;
      const inner = prop.namedChildren[0];
      if (inner?.type === 'resource_declaration') {
        // a nested type is relative to the parent's: 'blobServices@...' under storageAccounts
        this.resource(inner, fact.symbol);
        const child = this.facts.resources[this.facts.resources.length - 1];
        if (!child.type.includes('/')) child.type = `${fact.type}/${child.type}`;
      }
    }
  }

  keys(node) {
    if (node.type === 'call_expression') {
      const fn = node.childForFieldName('function');
      const name = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : fn?.text;
      if (name && LIST_FUNCTION.test(name)) {
        this.violation(node, 'no-keys', `${name}() reads keys or secrets: use the managed identity and RBAC instead`);
      }
    } else if (node.type === 'string_content' && KEY_IN_STRING.test(node.text)) {
      this.violation(node, 'no-keys', `a connection string with a key (${node.text.match(KEY_IN_STRING)[0]}...): use an identity-based connection`);
    }
    for (const c of node.namedChildren) this.keys(c);
  }

  resourceRules({ node, fact }) {
    if (fact.existing) return;
    for (const [path, wanted] of LOCAL_AUTH[fact.type] ?? []) {
      const got = at(fact.body, path);
      if (got !== wanted) {
        this.violation(node, 'local-auth', `${fact.type} '${fact.symbol}' must set ${path}: ${wanted} (found ${
          got === undefined ? 'nothing' : JSON.stringify(got)})`);
      }
    }
    if (fact.type === 'Microsoft.Authorization/roleAssignments') this.roleScope(node, fact);
    if (fact.type === 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments') this.cosmosRoleScope(node, fact);
  }

  roleScope(node, fact) {
    const where = `role assignment '${fact.symbol}'`;
    if (this.facts.targetScope !== 'resourceGroup') {
      this.violation(node, 'role-scope', `${where} in a file deployed at ${this.facts.targetScope} scope: assign roles on a resource`);
      return;
    }
    const scope = fact.body?.scope;
    if (scope === undefined) {
      this.violation(node, 'role-scope', `${where} has no scope: it would apply to the whole resource group; set scope: <the resource>`);
      return;
    }
    const text = typeof scope === 'object' && scope !== null ? scope.$expr : undefined;
    const call = text?.match(/^([A-Za-z_][A-Za-z0-9_]*)\s*\(/);
    if (call && WIDE_SCOPES.has(call[1])) {
      this.violation(node, 'role-scope', `${where} is scoped to ${call[1]}(): scope it to the resource it concerns`);
      return;
    }
    const symbol = text?.split('::')[0];
    if (!symbol || !/^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$/.test(text) || !this.resourceSymbols.has(symbol)) {
      this.violation(node, 'role-scope', `${where} is scoped to ${JSON.stringify(scope)}: it must name a resource declared in this file`);
    }
  }

  cosmosRoleScope(node, fact) {
    const scope = fact.body?.properties?.scope;
    const text = typeof scope === 'object' && scope !== null ? scope.$expr : undefined;
    // account.id, or a string that starts with it: '${account.id}/dbs/NAME'
    const m = text?.match(/^'\$\{([A-Za-z_][A-Za-z0-9_]*)\.id\}/) ?? text?.match(/^([A-Za-z_][A-Za-z0-9_]*)\.id$/);
    if (!m || this.resourceTypes.get(m[1]) !== 'Microsoft.DocumentDB/databaseAccounts') {
      this.violation(node, 'role-scope', `Cosmos DB role assignment '${fact.symbol}' is scoped to ${
        JSON.stringify(scope ?? null)}: scope it to a declared account (account.id or under it)`);
    }
  }

  outputRules({ node, value: v, secure }) {
    const name = node.namedChildren[0]?.text;
    if (secure) this.violation(node, 'secret-output', `output '${name}' is @secure(): outputs carry no secrets`);
    if (!v) return;
    const used = [];
    const walk = n => {
      if (n.type === 'identifier' && this.secureParams.has(n.text)) used.push(n.text);
      for (const c of n.namedChildren) walk(c);
    };
    walk(v);
    if (used.length) {
      this.violation(node, 'secret-output', `output '${name}' reads the @secure() parameter ${used[0]}`);
    }
  }
}

function line(node) {
  return node.startPosition.row + 1;
}

function snippet(text) {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}...` : t;
}

/** A resource or module body: {body, condition?, loop?}. */
function bodyOf(node) {
  if (!node) return { body: null };
  if (node.type === 'if_statement') {
    const [cond, obj] = node.namedChildren;
    return { body: value(obj), condition: cond?.text ?? null };
  }
  if (node.type === 'for_statement') return { body: { $expr: node.text }, loop: true };
  return { body: value(node) };
}

/** The value at a dotted path, or undefined. */
function at(v, path) {
  let cur = v;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || '$expr' in cur) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** A string node's text when it has no interpolation, else null. */
function stringValue(node) {
  if (!node || node.type !== 'string') return null;
  let out = '';
  for (const c of node.namedChildren) {
    if (c.type === 'interpolation') return null;
    if (c.type === 'escape_sequence') out += unescape(c.text);
    else if (c.type === 'string_content') out += c.text;
  }
  // a triple-quoted string keeps its text as written
  return out;
}

function unescape(seq) {
  const c = seq.slice(1);
  const simple = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };
  if (c in simple) return simple[c];
  const hex = c.match(/^u\{([0-9a-fA-F]+)\}$/);
  return hex ? String.fromCodePoint(parseInt(hex[1], 16)) : seq;
}

/** JSON for literal values, {"$expr": text} for anything computed. */
export function value(node) {
  switch (node.type) {
    case 'object': {
      const out = {};
      for (const prop of node.namedChildren) {
        if (prop.type !== 'object_property') continue;
        const [key, v] = prop.namedChildren;
        if (!key || key.type === 'resource_declaration') continue;
        const name = key.type === 'string' ? (stringValue(key) ?? key.text) : key.text.replace(/\?$/, '');
        out[name] = v ? value(v) : null;
      }
      return out;
    }
    case 'array':
      return node.namedChildren.filter(c => c.type !== 'decorators').map(value);
    case 'string': {
      const s = stringValue(node);
      return s === null ? { $expr: node.text } : s;
    }
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    default:
      return { $expr: node.text };
  }
}

/** The .bicep files under the given paths, sorted. */
export function bicepFiles(paths) {
  const out = [];
  const visit = p => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(join(p, name));
      }
    } else if (p.endsWith('.bicep')) {
      out.push(p);
    }
  };
  for (const p of paths) visit(p);
  return out;
}

async function main(argv) {
  if (argv.length === 0 || argv.includes('--help')) {
    process.stderr.write('usage: node bicep-check.mjs PATH...  (.bicep files or folders)\n');
    return 2;
  }
  let files;
  try {
    files = bicepFiles(argv);
  } catch (e) {
    process.stderr.write(`bicep-check: ${e.message}\n`);
    return 2;
  }
  if (files.length === 0) {
    process.stderr.write(`bicep-check: no .bicep file under ${argv.join(' ')}\n`);
    return 2;
  }
  const report = { parser: versions(), files: [], violations: [] };
  for (const f of files) {
    const name = relative(process.cwd(), f) || f;
    const { facts, violations } = await checkSource(name, readFileSync(f, 'utf8'));
    report.files.push(facts);
    report.violations.push(...violations);
  }
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  for (const v of report.violations) {
    process.stderr.write(`${v.file}:${v.line}:${v.column}: ${v.rule}: ${v.message}\n`);
  }
  return report.violations.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
