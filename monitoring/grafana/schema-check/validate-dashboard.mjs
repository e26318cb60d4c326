// Validates Grafana dashboard JSON against Grafana's own schema, as published in @grafana/schema:
// its TypeScript types are turned into JSON schemas (ts-json-schema-generator) and ajv checks
//   - the dashboard against the type Dashboard (unknown keys are errors, so a typo is caught), and
//   - each panel's options and fieldConfig.defaults.custom against its panel plugin's Options/FieldConfig,
//     where @grafana/schema has a schema for that panel type.
// Usage: node validate-dashboard.mjs dashboard.json...   Exit status 1 on any error.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import { createGenerator } from "ts-json-schema-generator";

const require = createRequire(import.meta.url);
const schemaTypes = join(dirname(require.resolve("@grafana/schema/package.json")), "dist", "types", "raw");
const version = JSON.parse(readFileSync(require.resolve("@grafana/schema/package.json"), "utf8")).version;

function schemaOf(file, type) {
    return createGenerator({ path: file, type, skipTypeCheck: true, additionalProperties: false, expose: "all" })
        .createSchema(type);
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map();
function validator(file, type) {
    const key = `${file}#${type}`;
    if (!validators.has(key)) {
        validators.set(key, ajv.compile(schemaOf(file, type)));
    }
    return validators.get(key);
}

function report(what, validate, value) {
    if (validate(value)) {
        return 0;
    }
    for (const e of validate.errors) {
        console.error(`  ${what}${e.instancePath || "/"}: ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
    }
    return validate.errors.length;
}

let errors = 0;
for (const path of process.argv.slice(2)) {
    const dashboard = JSON.parse(readFileSync(path, "utf8"));
    let found = report(path, validator(join(schemaTypes, "dashboard", "x", "types.gen.d.ts"), "Dashboard"), dashboard);
    let checkedPanels = 0;
    for (const panel of dashboard.panels ?? []) {
        const cfg = join(schemaTypes, "composable", panel.type, "panelcfg", "x", "types.gen.d.ts");
        if (panel.type === "row" || !existsSync(cfg)) {
            continue;
        }
        const where = `${path} panel ${panel.id} "${panel.title}" (${panel.type})`;
        found += report(`${where} options`, validator(cfg, "Options"), panel.options ?? {});
        const custom = panel.fieldConfig?.defaults?.custom;
        if (custom !== undefined && readFileSync(cfg, "utf8").includes("export interface FieldConfig ")) {
            found += report(`${where} fieldConfig.defaults.custom`, validator(cfg, "FieldConfig"), custom);
        }
        checkedPanels++;
    }
    console.log(`${path}: ${found === 0 ? "valid" : found + " error(s)"} against @grafana/schema ${version} `
        + `(Dashboard, and the options of ${checkedPanels} of ${(dashboard.panels ?? []).length} panels)`);
    errors += found;
}
process.exit(errors === 0 ? 0 : 1);
